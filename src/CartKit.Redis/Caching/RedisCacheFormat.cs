using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using CartKit.Caching;
using CartKit.Domain;

namespace CartKit.Redis.Caching;

// The cache's value format, hand-written on Utf8JsonWriter/Utf8JsonReader so a cache hit allocates the cart and its
// strings and little else: short property names, lines and adjustments as arrays, their counts written first so the
// reader sizes each array once, currencies looked up from their UTF-8 bytes without a string, skus and names from the
// reuse tables' strings of recent values (ReuseTables.GetString), times as UTC ticks.
//
//   cart   "<version>:" + {"f":1,"i":..,"s":..,"u":..,"st":0,"c":"USD","ca":..,"ua":..,"la":..,"mi":..,"mc":[..],
//                          "co":..,"rc":..,"nl":2,"l":[[itemId,sku,name,amount,"USD",quantity],..],"na":1,"a":[[name,amount,"USD"],..],
//                          "w":[[code,sku,itemId|null,requested,kept,message],..]}
//   order  {"f":1,"i":..,"ci":..,"cv":..,"s":..,"u":..,"st":1,"c":"USD","ca":..,"ea":..,"cl":..,"pa":..,"pr":..,"nl":..,"l":[..],
//           "na":..,"a":[..]}
//
// The cart's version leads its value in plain digits so the set-if-newer script can compare versions with one
// GETRANGE, without decoding JSON. Absent optional fields are omitted (a cart's warnings, "w", exist only between a
// sign-in merge and the next edit), so adding one keeps the format: an older reader meets it only in the entries that
// carry it, and treats those as misses. "f" is the format; a reader that meets another one treats the entry as a miss,
// so a format change needs no flush.
//
// Checkout details, on carts and orders that have any, are one more optional property:
//   "d":{"e":email,"sa":[name,line1,line2,city,postalCode,region,country],"ba":[..],"sm":method,"dc":[code,..]}
// with absent fields omitted (null inside an address). It needed no new format: entries without "d" read as before,
// and a reader that predates it meets an unknown property, which is unreadable, so it drops the entry and reads the
// source of truth: a miss, as for another format.
internal static class RedisCacheFormat
{
    public const int Format = 1;

    // The longest "<version>:" prefix: 19 digits of a long and the colon.
    public const int MaxVersionPrefixLength = 20;

    // Far above any configurable line limit; a count beyond it is corruption, not a cart to allocate for.
    private const int MaxCount = 100_000;

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    // Lists are built as immutable arrays around the array just filled, so the snapshot keeps them without a copy.
    private static readonly IReadOnlyList<LineItem> NoLines = ImmutableArray<LineItem>.Empty;
    private static readonly IReadOnlyList<AdjustmentLine> NoAdjustments = ImmutableArray<AdjustmentLine>.Empty;
    private static readonly IReadOnlyList<CartWarning> NoWarnings = ImmutableArray<CartWarning>.Empty;

    public static byte[] WriteCart(Cart cart)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (cart.Lines.Count * 96));
        var span = buffer.GetSpan(MaxVersionPrefixLength);
        Utf8Formatter.TryFormat(cart.Version, span, out var written);
        span[written++] = (byte)':';
        buffer.Advance(written);

        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("f"u8, Format);
            writer.WriteString("i"u8, cart.Id);
            WriteOwner(writer, cart.Owner);
            writer.WriteNumber("st"u8, (int)cart.Status);
            writer.WriteString("c"u8, cart.Currency.Code);
            writer.WriteNumber("ca"u8, cart.CreatedAt.UtcTicks);
            writer.WriteNumber("ua"u8, cart.UpdatedAt.UtcTicks);
            writer.WriteNumber("la"u8, cart.LastActivityAt.UtcTicks);
            if (cart.MergedIntoCartId is { } mergedInto)
            {
                writer.WriteString("mi"u8, mergedInto);
            }

            if (cart.MergedCartIds.Count > 0)
            {
                writer.WriteStartArray("mc"u8);
                foreach (var id in cart.MergedCartIds)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
            }

            if (cart.CompletedByOrderId is { } completedBy)
            {
                writer.WriteString("co"u8, completedBy);
            }

            if (cart.RemainderCartId is { } remainder)
            {
                writer.WriteString("rc"u8, remainder);
            }

            WriteDetails(writer, cart.Details);
            WriteLines(writer, cart.Lines, cart.Adjustments);
            if (cart.Warnings.Count > 0)
            {
                WriteWarnings(writer, cart.Warnings);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] WriteOrder(Order order)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (order.Lines.Count * 96));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("f"u8, Format);
            writer.WriteString("i"u8, order.Id);
            writer.WriteString("ci"u8, order.CartId);
            writer.WriteNumber("cv"u8, order.CartVersion);
            WriteOwner(writer, order.Owner);
            writer.WriteNumber("st"u8, (int)order.Status);
            writer.WriteString("c"u8, order.Currency.Code);
            writer.WriteNumber("ca"u8, order.CreatedAt.UtcTicks);
            if (order.ExpiresAt != DateTimeOffset.MaxValue)
            {
                writer.WriteNumber("ea"u8, order.ExpiresAt.UtcTicks);
            }

            if (order.ClosedAt is { } closedAt)
            {
                writer.WriteNumber("cl"u8, closedAt.UtcTicks);
            }

            if (order.PaidAt is { } paidAt)
            {
                writer.WriteNumber("pa"u8, paidAt.UtcTicks);
            }

            if (order.PaymentReference is { } reference)
            {
                writer.WriteString("pr"u8, reference);
            }

            WriteDetails(writer, order.Details);
            WriteLines(writer, order.Lines, order.Adjustments);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Reads the "<version>:" prefix; false when the value does not start with one.
    public static bool TryReadVersion(ReadOnlySpan<byte> value, out long version, out int consumed)
    {
        consumed = 0;
        if (!Utf8Parser.TryParse(value, out version, out var digits) || digits >= value.Length || value[digits] != (byte)':')
        {
            return false;
        }

        consumed = digits + 1;
        return true;
    }

    // previous: an earlier snapshot of the same cart, whose strings, owner and lines are shared with the one read where
    // they are equal (snapshots are immutable), so reading a cart after an edit allocates mostly what the edit changed.
    public static Cart ReadCart(ReadOnlySpan<byte> value, Cart? previous = null, ReuseTables? strings = null)
    {
        if (!TryReadVersion(value, out var version, out var consumed))
        {
            throw new JsonException("The cached cart does not start with its version.");
        }

        var reader = new Utf8JsonReader(value[consumed..]);
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, sessionId = null, userId = null, mergedInto = null, completedBy = null, remainder = null;
        var status = CartStatus.Active;
        Currency? currency = null;
        long createdAt = 0, updatedAt = 0, lastActivityAt = 0;
        IReadOnlyList<string> mergedCartIds = [];
        var details = CheckoutDetails.None;
        var lines = NoLines;
        var adjustments = NoAdjustments;
        var warnings = NoWarnings;
        int lineCount = 0, adjustmentCount = 0;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("f"u8))
            {
                ReadFormat(ref reader);
            }
            else if (reader.ValueTextEquals("i"u8))
            {
                id = ReadString(ref reader, previous?.Id);
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                sessionId = ReadString(ref reader, previous?.Owner.SessionId);
            }
            else if (reader.ValueTextEquals("u"u8))
            {
                userId = ReadString(ref reader, previous?.Owner.UserId);
            }
            else if (reader.ValueTextEquals("st"u8))
            {
                status = (CartStatus)ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("c"u8))
            {
                currency = ReadCurrency(ref reader);
            }
            else if (reader.ValueTextEquals("ca"u8))
            {
                createdAt = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("ua"u8))
            {
                updatedAt = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("la"u8))
            {
                lastActivityAt = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("mi"u8))
            {
                mergedInto = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("mc"u8))
            {
                mergedCartIds = ReadStrings(ref reader);
            }
            else if (reader.ValueTextEquals("co"u8))
            {
                completedBy = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("rc"u8))
            {
                remainder = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("d"u8))
            {
                details = ReadDetails(ref reader, previous?.Details);
            }
            else if (reader.ValueTextEquals("nl"u8))
            {
                lineCount = ReadCount(ref reader);
            }
            else if (reader.ValueTextEquals("l"u8))
            {
                lines = ReadLines(ref reader, lineCount, previous?.Lines, strings);
            }
            else if (reader.ValueTextEquals("na"u8))
            {
                adjustmentCount = ReadCount(ref reader);
            }
            else if (reader.ValueTextEquals("a"u8))
            {
                adjustments = ReadAdjustments(ref reader, adjustmentCount, previous?.Adjustments, strings);
            }
            else if (reader.ValueTextEquals("w"u8))
            {
                warnings = ReadWarnings(ref reader);
            }
            else
            {
                throw new JsonException("The cached cart has an unknown property.");
            }
        }

        return new Cart
        {
            Id = id ?? throw Missing("i"),
            Owner = previous?.Owner is { } owner && ReferenceEquals(owner.SessionId, sessionId) && ReferenceEquals(owner.UserId, userId)
                ? owner
                : new CartOwner(sessionId ?? throw Missing("s"), userId),
            Status = status,
            Currency = currency ?? throw Missing("c"),
            Lines = lines,
            Adjustments = adjustments,
            Version = version,
            CreatedAt = Time(createdAt),
            UpdatedAt = Time(updatedAt),
            LastActivityAt = Time(lastActivityAt),
            MergedIntoCartId = mergedInto,
            MergedCartIds = mergedCartIds,
            CompletedByOrderId = completedBy,
            RemainderCartId = remainder,
            Warnings = warnings,
            Details = details,
        };
    }

    public static Order ReadOrder(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, cartId = null, sessionId = null, userId = null, reference = null;
        long? cartVersion = null, paidAt = null, expiresAt = null, closedAt = null;
        var status = OrderStatus.PendingPayment;
        Currency? currency = null;
        long createdAt = 0;
        var details = CheckoutDetails.None;
        var lines = NoLines;
        var adjustments = NoAdjustments;
        int lineCount = 0, adjustmentCount = 0;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("f"u8))
            {
                ReadFormat(ref reader);
            }
            else if (reader.ValueTextEquals("i"u8))
            {
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("ci"u8))
            {
                cartId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("cv"u8))
            {
                cartVersion = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                sessionId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("u"u8))
            {
                userId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("st"u8))
            {
                status = (OrderStatus)ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("c"u8))
            {
                currency = ReadCurrency(ref reader);
            }
            else if (reader.ValueTextEquals("ca"u8))
            {
                createdAt = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("ea"u8))
            {
                expiresAt = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cl"u8))
            {
                closedAt = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("pa"u8))
            {
                paidAt = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("pr"u8))
            {
                reference = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("d"u8))
            {
                details = ReadDetails(ref reader);
            }
            else if (reader.ValueTextEquals("nl"u8))
            {
                lineCount = ReadCount(ref reader);
            }
            else if (reader.ValueTextEquals("l"u8))
            {
                lines = ReadLines(ref reader, lineCount);
            }
            else if (reader.ValueTextEquals("na"u8))
            {
                adjustmentCount = ReadCount(ref reader);
            }
            else if (reader.ValueTextEquals("a"u8))
            {
                adjustments = ReadAdjustments(ref reader, adjustmentCount);
            }
            else
            {
                throw new JsonException("The cached order has an unknown property.");
            }
        }

        return new Order
        {
            Id = id ?? throw Missing("i"),
            CartId = cartId ?? throw Missing("ci"),
            CartVersion = cartVersion ?? throw Missing("cv"),
            Owner = new CartOwner(sessionId ?? throw Missing("s"), userId),
            Status = status,
            Currency = currency ?? throw Missing("c"),
            Lines = lines,
            Adjustments = adjustments,
            CreatedAt = Time(createdAt),
            ExpiresAt = expiresAt is { } expires ? Time(expires) : DateTimeOffset.MaxValue,
            PaidAt = paidAt is { } paid ? Time(paid) : null,
            PaymentReference = reference,
            ClosedAt = closedAt is { } closed ? Time(closed) : null,
            Details = details,
        };
    }

    private static void WriteOwner(Utf8JsonWriter writer, CartOwner owner)
    {
        writer.WriteString("s"u8, owner.SessionId);
        if (owner.UserId is { } userId)
        {
            writer.WriteString("u"u8, userId);
        }
    }

    // Checkout details: nothing at all when there are none, which is most carts.
    private static void WriteDetails(Utf8JsonWriter writer, CheckoutDetails details)
    {
        if (details.IsEmpty)
        {
            return;
        }

        writer.WriteStartObject("d"u8);
        if (details.Email is { } email)
        {
            writer.WriteString("e"u8, email);
        }

        WriteAddress(writer, "sa"u8, details.ShippingAddress);
        WriteAddress(writer, "ba"u8, details.BillingAddress);
        if (details.ShippingMethod is { } method)
        {
            writer.WriteString("sm"u8, method);
        }

        if (details.DiscountCodes.Count > 0)
        {
            writer.WriteStartArray("dc"u8);
            foreach (var code in details.DiscountCodes)
            {
                writer.WriteStringValue(code);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter writer, ReadOnlySpan<byte> name, PostalAddress? address)
    {
        if (address is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        writer.WriteStringValue(address.Name);
        writer.WriteStringValue(address.Line1);
        WriteOptional(writer, address.Line2);
        writer.WriteStringValue(address.City);
        WriteOptional(writer, address.PostalCode);
        WriteOptional(writer, address.Region);
        writer.WriteStringValue(address.Country);
        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    // previous: the earlier snapshot's details, returned instead of new ones when every field is equal.
    private static CheckoutDetails ReadDetails(ref Utf8JsonReader reader, CheckoutDetails? previous = null)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? email = null, method = null;
        PostalAddress? shipping = null, billing = null;
        IReadOnlyList<string> codes = [];
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("e"u8))
            {
                email = ReadString(ref reader, previous?.Email);
            }
            else if (reader.ValueTextEquals("sa"u8))
            {
                shipping = ReadAddress(ref reader, previous?.ShippingAddress);
            }
            else if (reader.ValueTextEquals("ba"u8))
            {
                billing = ReadAddress(ref reader, previous?.BillingAddress);
            }
            else if (reader.ValueTextEquals("sm"u8))
            {
                method = ReadString(ref reader, previous?.ShippingMethod);
            }
            else if (reader.ValueTextEquals("dc"u8))
            {
                codes = ReadStrings(ref reader);
            }
            else
            {
                throw new JsonException("The cached checkout details have an unknown property.");
            }
        }

        var details = new CheckoutDetails
        {
            Email = email,
            ShippingAddress = shipping,
            BillingAddress = billing,
            ShippingMethod = method,
            DiscountCodes = codes,
        };
        return previous is not null && previous.Equals(details) ? previous : details;
    }

    private static PostalAddress ReadAddress(ref Utf8JsonReader reader, PostalAddress? previous)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var address = new PostalAddress
        {
            Name = ReadString(ref reader, previous?.Name),
            Line1 = ReadString(ref reader, previous?.Line1),
            Line2 = ReadOptionalString(ref reader, previous?.Line2),
            City = ReadString(ref reader, previous?.City),
            PostalCode = ReadOptionalString(ref reader, previous?.PostalCode),
            Region = ReadOptionalString(ref reader, previous?.Region),
            Country = ReadString(ref reader, previous?.Country),
        };
        Expect(ref reader, JsonTokenType.EndArray);
        return previous is not null && previous == address ? previous : address;
    }

    private static string? ReadOptionalString(ref Utf8JsonReader reader, string? known)
    {
        if (Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"The cached entry has {reader.TokenType} where a string or null belongs.");
        }

        return known is not null && reader.ValueTextEquals(known) ? known : reader.GetString()!;
    }

    private static void WriteLines(Utf8JsonWriter writer, IReadOnlyList<LineItem> lines, IReadOnlyList<AdjustmentLine> adjustments)
    {
        writer.WriteNumber("nl"u8, lines.Count);
        writer.WriteStartArray("l"u8);
        foreach (var line in lines)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(line.ItemId);
            writer.WriteStringValue(line.Sku);
            writer.WriteStringValue(line.Name);
            writer.WriteNumberValue(line.UnitPrice.Amount);
            writer.WriteStringValue(line.UnitPrice.Currency.Code);
            writer.WriteNumberValue(line.Quantity);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteNumber("na"u8, adjustments.Count);
        writer.WriteStartArray("a"u8);
        foreach (var adjustment in adjustments)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(adjustment.Name);
            writer.WriteNumberValue(adjustment.Amount.Amount);
            writer.WriteStringValue(adjustment.Amount.Currency.Code);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static IReadOnlyList<LineItem> ReadLines(ref Utf8JsonReader reader, int count, IReadOnlyList<LineItem>? previous = null, ReuseTables? strings = null)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var lines = count == 0 ? [] : new LineItem[count];
        var i = 0;
        var allShared = previous is not null && previous.Count == count;
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            if (i == lines.Length)
            {
                throw new JsonException("The cached lines outnumber their count.");
            }

            // Lines keep their order, so the line at the same position, or the next one after a removal, is the candidate.
            var known = Line(previous, i);
            Expect(ref reader, JsonTokenType.String);
            if (known is not null && !reader.ValueTextEquals(known.ItemId))
            {
                known = Line(previous, i + 1) is { } next && reader.ValueTextEquals(next.ItemId) ? next : null;
            }

            var itemId = known?.ItemId ?? reader.GetString()!;
            var sku = ReadSharedString(ref reader, strings);
            var name = ReadSharedString(ref reader, strings);
            var amount = ReadInt64(ref reader);
            var currency = ReadCurrency(ref reader);
            var quantity = ReadInt32(ref reader);
            Expect(ref reader, JsonTokenType.EndArray);
            var line = known is not null && known.Quantity == quantity && known.UnitPrice == new Money(amount, currency)
                && string.Equals(known.Sku, sku, StringComparison.Ordinal) && string.Equals(known.Name, name, StringComparison.Ordinal)
                ? known
                : new LineItem(itemId, sku, name, new Money(amount, currency), quantity);
            allShared = allShared && ReferenceEquals(line, previous![i]);
            lines[i++] = line;
        }

        if (i != lines.Length)
        {
            throw new JsonException("The cached lines fall short of their count.");
        }

        return count == 0 ? NoLines : allShared ? previous! : ImmutableCollectionsMarshal.AsImmutableArray(lines);
    }

    private static LineItem? Line(IReadOnlyList<LineItem>? lines, int index) =>
        lines is not null && index < lines.Count ? lines[index] : null;

    private static IReadOnlyList<AdjustmentLine> ReadAdjustments(ref Utf8JsonReader reader, int count, IReadOnlyList<AdjustmentLine>? previous = null, ReuseTables? strings = null)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var adjustments = count == 0 ? [] : new AdjustmentLine[count];
        var i = 0;
        var allShared = previous is not null && previous.Count == count;
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            if (i == adjustments.Length)
            {
                throw new JsonException("The cached adjustments outnumber their count.");
            }

            var name = ReadSharedString(ref reader, strings);
            var amount = ReadInt64(ref reader);
            var currency = ReadCurrency(ref reader);
            Expect(ref reader, JsonTokenType.EndArray);
            var adjustment = new AdjustmentLine(name, new Money(amount, currency));
            adjustments[i] = previous is not null && i < previous.Count && previous[i] == adjustment ? previous[i] : adjustment;
            allShared = allShared && ReferenceEquals(adjustments[i], previous![i]);
            i++;
        }

        if (i != adjustments.Length)
        {
            throw new JsonException("The cached adjustments fall short of their count.");
        }

        return count == 0 ? NoAdjustments : allShared ? previous! : ImmutableCollectionsMarshal.AsImmutableArray(adjustments);
    }

    // Warnings are rare and short-lived (a merge sets them, the next edit clears them): plain strings, no sharing.
    private static void WriteWarnings(Utf8JsonWriter writer, IReadOnlyList<CartWarning> warnings)
    {
        writer.WriteStartArray("w"u8);
        foreach (var warning in warnings)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue((int)warning.Code);
            writer.WriteStringValue(warning.Sku);
            if (warning.ItemId is { } itemId)
            {
                writer.WriteStringValue(itemId);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteNumberValue(warning.RequestedQuantity);
            writer.WriteNumberValue(warning.KeptQuantity);
            writer.WriteStringValue(warning.Message);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static IReadOnlyList<CartWarning> ReadWarnings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var warnings = new List<CartWarning>();
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            if (warnings.Count == MaxCount)
            {
                throw new JsonException("The cached entry has an impossible count.");
            }

            var code = (CartWarningCode)ReadInt32(ref reader);
            var sku = ReadString(ref reader);
            var itemId = Next(ref reader) switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw new JsonException($"The cached entry has {reader.TokenType} where an item id belongs."),
            };
            var requested = ReadInt32(ref reader);
            var kept = ReadInt32(ref reader);
            var message = ReadString(ref reader);
            Expect(ref reader, JsonTokenType.EndArray);
            warnings.Add(new CartWarning(code, sku, itemId, requested, kept, message));
        }

        return warnings.Count == 0 ? NoWarnings : ImmutableCollectionsMarshal.AsImmutableArray(warnings.ToArray());
    }

    private static string[] ReadStrings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var values = new List<string>();
        while (Next(ref reader) == JsonTokenType.String)
        {
            values.Add(reader.GetString()!);
        }

        return [.. values];
    }

    private static void ReadFormat(ref Utf8JsonReader reader)
    {
        if (ReadInt32(ref reader) != Format)
        {
            throw new JsonException("The cached entry has another format.");
        }
    }

    private static int ReadCount(ref Utf8JsonReader reader)
    {
        var count = ReadInt32(ref reader);
        return count is >= 0 and <= MaxCount ? count : throw new JsonException("The cached entry has an impossible count.");
    }

    // known: a string the value may equal (an earlier snapshot's), returned instead of a new one when it does.
    private static string ReadString(ref Utf8JsonReader reader, string? known = null)
    {
        Expect(ref reader, JsonTokenType.String);
        return known is not null && reader.ValueTextEquals(known) ? known : reader.GetString()!;
    }

    // Skus and names recur across carts: unescaped ones come from the reuse tables' strings instead of a new one each read.
    private static string ReadSharedString(ref Utf8JsonReader reader, ReuseTables? strings)
    {
        Expect(ref reader, JsonTokenType.String);
        return strings is null || reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetString()! : strings.GetString(reader.ValueSpan);
    }

    private static int ReadInt32(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetInt32();
    }

    private static long ReadInt64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetInt64();
    }

    private static Currency ReadCurrency(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String);
        return !reader.ValueIsEscaped && Currency.TryFromUtf8(reader.ValueSpan, out var currency)
            ? currency
            : throw new JsonException("The cached entry has an unknown currency.");
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The cached entry ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (Next(ref reader) != expected)
        {
            throw new JsonException($"The cached entry has {reader.TokenType} where {expected} belongs.");
        }
    }

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static JsonException Missing(string property) => new($"The cached entry lacks '{property}'.");
}
