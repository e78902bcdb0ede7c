using System.Net;
using System.Text.Json;

namespace CartKit.AspNetCore.Tests.TestSupport;

public static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem response: status, media type, type and (for validation) the offending field.</summary>
    /// <returns>The problem body, for further assertions.</returns>
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string type, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {type} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"Expected errors for '{field}' in {body}");
        }

        return problem;
    }
}
