using CartKit.Domain;
using CartKit.Pricing;
using CartKit.Storage;

namespace CartKit.Carts;

// The rules of checkout details, in one place: what a valid value is (bounds in CartWriteRules), how it is normalized
// before it is stored, and how an update and a sign-in merge combine details. Errors name the field as the HTTP body
// spells it ("shippingAddress.country", "discountCodes[2]"), so the problem points at what to fix.
// Normalizing: text is trimmed; an empty optional value is no value; countries and discount codes are upper case, and a
// repeated code is kept once. Anything else is stored as given.
internal static class CheckoutDetailsRules
{
    // The fields of `update` named in `fields`, checked and normalized; the fields not named are left as they are.
    public static CartKitResult<CheckoutDetails> Normalize(CheckoutDetails update, CheckoutDetailsFields fields)
    {
        ArgumentNullException.ThrowIfNull(update);
        if ((fields & ~CheckoutDetailsFields.All) != 0)
        {
            return CartErrors.Validation("fields", "Unknown checkout details fields were named.");
        }

        var normalized = update;
        if (fields.HasFlag(CheckoutDetailsFields.Email))
        {
            var email = Optional(update.Email);
            if (email is not null && !IsEmail(email))
            {
                return CartErrors.Validation(
                    "email",
                    $"'email' must be an email address (name@example.com) of at most {CartWriteRules.MaxEmailLength} characters.");
            }

            normalized = normalized with { Email = email };
        }

        foreach (var (flag, name) in (ReadOnlySpan<(CheckoutDetailsFields, string)>)[(CheckoutDetailsFields.ShippingAddress, "shippingAddress"), (CheckoutDetailsFields.BillingAddress, "billingAddress")])
        {
            if (!fields.HasFlag(flag))
            {
                continue;
            }

            var given = flag == CheckoutDetailsFields.ShippingAddress ? update.ShippingAddress : update.BillingAddress;
            PostalAddress? address = null;
            if (given is not null)
            {
                var checkedAddress = Address(given, name);
                if (!checkedAddress.Succeeded)
                {
                    return checkedAddress.Error;
                }

                address = checkedAddress.Value;
            }

            normalized = flag == CheckoutDetailsFields.ShippingAddress
                ? normalized with { ShippingAddress = address }
                : normalized with { BillingAddress = address };
        }

        if (fields.HasFlag(CheckoutDetailsFields.ShippingMethod))
        {
            var method = Optional(update.ShippingMethod);
            if (method is not null && !IsToken(method, CartWriteRules.MaxShippingMethodLength, allowDot: true))
            {
                return CartErrors.Validation(
                    "shippingMethod",
                    $"'shippingMethod' must be 1 to {CartWriteRules.MaxShippingMethodLength} letters, digits, '-', '_' or '.'.");
            }

            normalized = normalized with { ShippingMethod = method };
        }

        if (fields.HasFlag(CheckoutDetailsFields.DiscountCodes))
        {
            var codes = DiscountCodes(update.DiscountCodes);
            if (!codes.Succeeded)
            {
                return codes.Error;
            }

            normalized = normalized with { DiscountCodes = codes.Value };
        }

        return normalized;
    }

    // The cart's details with the named fields taken from the (normalized) update.
    public static CheckoutDetails Apply(CheckoutDetails current, CheckoutDetails update, CheckoutDetailsFields fields)
    {
        var next = current with
        {
            Email = fields.HasFlag(CheckoutDetailsFields.Email) ? update.Email : current.Email,
            ShippingAddress = fields.HasFlag(CheckoutDetailsFields.ShippingAddress) ? update.ShippingAddress : current.ShippingAddress,
            BillingAddress = fields.HasFlag(CheckoutDetailsFields.BillingAddress) ? update.BillingAddress : current.BillingAddress,
            ShippingMethod = fields.HasFlag(CheckoutDetailsFields.ShippingMethod) ? update.ShippingMethod : current.ShippingMethod,
            DiscountCodes = fields.HasFlag(CheckoutDetailsFields.DiscountCodes) ? update.DiscountCodes : current.DiscountCodes,
        };

        // The same instance when nothing changes, so the edit is a no-op the writer recognizes without a write.
        return next.Equals(current) ? current : next.IsEmpty ? CheckoutDetails.None : next;
    }

    // Sign-in merge: the user's cart keeps what it has; a field it lacks is taken from the guest cart, and the guest's
    // discount codes are added after the user's (up to the limit). Pricing then checks the codes and the method again.
    public static CheckoutDetails Fill(CheckoutDetails target, CheckoutDetails guest)
    {
        if (guest.IsEmpty)
        {
            return target;
        }

        var codes = target.DiscountCodes.Concat(guest.DiscountCodes).Distinct(StringComparer.Ordinal).Take(CartWriteRules.MaxDiscountCodes).ToArray();
        var filled = target with
        {
            Email = target.Email ?? guest.Email,
            ShippingAddress = target.ShippingAddress ?? guest.ShippingAddress,
            BillingAddress = target.BillingAddress ?? guest.BillingAddress,
            ShippingMethod = target.ShippingMethod ?? guest.ShippingMethod,
            DiscountCodes = codes,
        };
        return filled.Equals(target) ? target : filled;
    }

    // Why a write that had to get `mustApply` accepted is refused after pricing, or null when every code and the method
    // were accepted. An empty cart is not priced, so nothing it is given can be accepted.
    public static CartKitError? Refusal(CheckoutDetails? mustApply, CartPricing pricing)
    {
        if (mustApply is null)
        {
            return null;
        }

        var refused = mustApply.DiscountCodes.Where(c => !pricing.Checked || !pricing.Details.DiscountCodes.Contains(c, StringComparer.Ordinal)).ToArray();
        if (refused.Length > 0)
        {
            return CartErrors.DiscountCodesRefused(refused, emptyCart: !pricing.Checked);
        }

        return mustApply.ShippingMethod is { } method && (!pricing.Checked || pricing.Details.ShippingMethod is null)
            ? CartErrors.ShippingMethodRefused(method, emptyCart: !pricing.Checked)
            : null;
    }

    private static CartKitResult<PostalAddress> Address(PostalAddress address, string name)
    {
        CartKitError? error = null;
        var recipient = Text(address.Name, $"{name}.name", CartWriteRules.MaxAddressFieldLength, required: true, ref error);
        var line1 = Text(address.Line1, $"{name}.line1", CartWriteRules.MaxAddressFieldLength, required: true, ref error);
        var line2 = Text(address.Line2, $"{name}.line2", CartWriteRules.MaxAddressFieldLength, required: false, ref error);
        var city = Text(address.City, $"{name}.city", CartWriteRules.MaxAddressFieldLength, required: true, ref error);
        var postalCode = Text(address.PostalCode, $"{name}.postalCode", CartWriteRules.MaxPostalCodeLength, required: false, ref error);
        var region = Text(address.Region, $"{name}.region", CartWriteRules.MaxAddressFieldLength, required: false, ref error);
        if (error is not null)
        {
            return error;
        }

        if (postalCode is not null && !postalCode.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-'))
        {
            return CartErrors.Validation($"{name}.postalCode", $"'{name}.postalCode' may hold only letters, digits, spaces and '-'.");
        }

        var country = Optional(address.Country) is { } given ? CountryCodes.Normalize(given) : null;
        if (country is null)
        {
            return CartErrors.Validation($"{name}.country", $"'{name}.country' must be an ISO 3166-1 alpha-2 country code, such as DE or US.");
        }

        var normalized = new PostalAddress
        {
            Name = recipient!,
            Line1 = line1!,
            Line2 = line2,
            City = city!,
            PostalCode = postalCode,
            Region = region,
            Country = country,
        };
        return normalized == address ? address : normalized;
    }

    // Trimmed text within its bound; the first problem found is kept in `error`.
    private static string? Text(string? value, string field, int maxLength, bool required, ref CartKitError? error)
    {
        var trimmed = Optional(value);
        if (error is not null)
        {
            return trimmed;
        }

        if (trimmed is null && required)
        {
            error = CartErrors.Validation(field, $"'{field}' is required.");
        }
        else if (trimmed is not null && trimmed.Length > maxLength)
        {
            error = CartErrors.Validation(field, $"'{field}' must be at most {maxLength} characters.");
        }
        else if (trimmed is not null && trimmed.Any(char.IsControl))
        {
            error = CartErrors.Validation(field, $"'{field}' must not contain control characters.");
        }

        return trimmed;
    }

    private static CartKitResult<IReadOnlyList<string>> DiscountCodes(IReadOnlyList<string> given)
    {
        var codes = new List<string>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var code = Optional(given[i])?.ToUpperInvariant();
            if (code is null || !IsToken(code, CartWriteRules.MaxDiscountCodeLength, allowDot: false))
            {
                return CartErrors.Validation(
                    $"discountCodes[{i}]",
                    $"'discountCodes[{i}]' must be a code of 1 to {CartWriteRules.MaxDiscountCodeLength} letters, digits, '-' or '_'.");
            }

            if (!codes.Contains(code, StringComparer.Ordinal))
            {
                codes.Add(code);
            }
        }

        if (codes.Count > CartWriteRules.MaxDiscountCodes)
        {
            return CartErrors.Validation("discountCodes", $"'discountCodes' may hold at most {CartWriteRules.MaxDiscountCodes} different codes.");
        }

        return codes;
    }

    // Trimmed; null when nothing is left.
    private static string? Optional(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static bool IsToken(string value, int maxLength, bool allowDot) =>
        value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (allowDot && c == '.'));

    // Deliberately loose: one '@' with something on each side, a dotted domain, no spaces or control characters. Whether
    // the mailbox exists is for the host to find out; this only keeps garbage and header injection out.
    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (value.Length > CartWriteRules.MaxEmailLength || at < 1 || at > 64 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        return domain.Length >= 3 && domain.Contains('.') && domain[0] != '.' && domain[^1] != '.'
            && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }
}
