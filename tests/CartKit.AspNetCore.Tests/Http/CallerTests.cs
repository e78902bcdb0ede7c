using System.Security.Claims;
using CartKit.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>Who the caller is: the user the host's authentication set, read without creating a principal for guests.</summary>
public sealed class CallerTests
{
    [Fact]
    public void AGuest_HasNoUser_AndReadingItCreatesNoPrincipal()
    {
        var http = new DefaultHttpContext();

        Assert.Null(Caller.UserId(http));
        Assert.Null(http.Features.Get<IHttpAuthenticationFeature>());
    }

    [Theory]
    [InlineData(ClaimTypes.NameIdentifier)]
    [InlineData("sub")]
    public void AUserSetByTheHost_IsRead_FromTheNameIdentifierOrSub(string claimType)
    {
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(claimType, "user-7")], "Test")) };

        Assert.Equal("user-7", Caller.UserId(http));
    }

    [Fact]
    public void AnUnauthenticatedIdentity_IsAGuest_WhateverItsClaims()
    {
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-7")])) };

        Assert.Null(Caller.UserId(http));
    }
}
