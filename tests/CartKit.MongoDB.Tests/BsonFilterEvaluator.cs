using MongoDB.Bson;

namespace CartKit.MongoDB.Tests;

/// <summary>
/// Evaluates a rendered query filter against a document the way MongoDB does, for the small subset CartKit's
/// filters use (implicit and $eq equality, $lt/$lte/$gt/$gte within one type bracket, $type, $exists, $and, $or; null
/// matching a missing field). Lets the offline tests check what a filter means, not only how it is spelled.
/// </summary>
internal static class BsonFilterEvaluator
{
    public static bool Matches(BsonDocument filter, BsonDocument document) =>
        filter.All(element => element.Name switch
        {
            "$and" => element.Value.AsBsonArray.All(f => Matches(f.AsBsonDocument, document)),
            "$or" => element.Value.AsBsonArray.Any(f => Matches(f.AsBsonDocument, document)),
            _ when element.Name.StartsWith('$') => throw new NotSupportedException($"Operator {element.Name} is not supported here."),
            _ => MatchesField(document.GetValue(element.Name, null), element.Value),
        });

    private static bool MatchesField(BsonValue? actual, BsonValue condition)
    {
        if (condition is BsonDocument operators && operators.ElementCount > 0 && operators.GetElement(0).Name.StartsWith('$'))
        {
            return operators.All(op => op.Name switch
            {
                "$eq" => AreEqual(actual, op.Value),
                "$lt" => Compare(actual, op.Value) is < 0,
                "$lte" => Compare(actual, op.Value) is <= 0,
                "$gt" => Compare(actual, op.Value) is > 0,
                "$gte" => Compare(actual, op.Value) is >= 0,
                "$type" => actual is not null && (int)actual.BsonType == TypeNumber(op.Value),
                "$exists" => (actual is not null) == op.Value.ToBoolean(),
                _ => throw new NotSupportedException($"Operator {op.Name} is not supported here."),
            });
        }

        return AreEqual(actual, condition);
    }

    private static bool AreEqual(BsonValue? actual, BsonValue expected) =>
        expected.IsBsonNull ? actual is null || actual.IsBsonNull : Compare(actual, expected) == 0;

    // Null when the values are in different type brackets (MongoDB's comparison operators then do not match).
    private static int? Compare(BsonValue? actual, BsonValue expected)
    {
        if (actual is null || Bracket(actual) != Bracket(expected))
        {
            return null;
        }

        return actual.CompareTo(expected);
    }

    private static string Bracket(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => "number",
        var other => other.ToString(),
    };

    private static int TypeNumber(BsonValue type) => type.IsString
        ? type.AsString switch
        {
            "string" => (int)BsonType.String,
            "date" => (int)BsonType.DateTime,
            "long" => (int)BsonType.Int64,
            "null" => (int)BsonType.Null,
            var name => throw new NotSupportedException($"$type {name} is not supported here."),
        }
        : type.ToInt32();
}
