using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using CartKit.Testing;

namespace CartKit.CustomStore.Tests.Package;

/// <summary>
/// CartKit.Testing suppresses CS1591 because its test methods are named as sentences and documented by their names;
/// everything else a store author derives from or calls must carry XML docs. This is the check the compiler no longer
/// makes, over the documentation file shipped next to the assembly.
/// </summary>
public sealed class TestingPackageDocumentationTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void EveryPublicTypeAndMember_ExceptTestMethods_IsDocumented()
    {
        var assembly = typeof(CartKitHarness).Assembly;
        var documented = DocumentedNames(assembly);

        var missing = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            var typeName = DocName(type);
            if (!documented.Contains("T:" + typeName))
            {
                missing.Add("T:" + typeName);
            }

            foreach (var member in type.GetMembers(Declared).Where(m => IsVisible(type, m) && !IsExempt(m)))
            {
                if (!IsDocumented(documented, typeName, member))
                {
                    missing.Add($"{typeName}.{member.Name}");
                }
            }
        }

        Assert.Empty(missing);
    }

    private static HashSet<string> DocumentedNames(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(file), $"{file} is missing: the package must ship its documentation file.");
        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Elements().Any())
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsVisible(Type type, MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || (!type.IsSealed && (method.IsFamily || method.IsFamilyOrAssembly)),
        FieldInfo field => field.IsPublic || (!type.IsSealed && (field.IsFamily || field.IsFamilyOrAssembly)),
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => IsVisible(type, a)),
        EventInfo @event => @event.AddMethod is { } add && IsVisible(type, add),
        _ => false,
    };

    // Test methods are documented by their names; accessors and operators through their property or type; what the
    // compiler writes for records has no source to document; a parameterless constructor may be the implicit one.
    private static bool IsExempt(MemberInfo member) =>
        member.IsDefined(typeof(FactAttribute), inherit: true)
        || member.IsDefined(typeof(CompilerGeneratedAttribute))
        || member is MethodBase { IsSpecialName: true } and not ConstructorInfo
        || member is ConstructorInfo constructor && constructor.GetParameters().Length == 0
        || member is Type;

    private static bool IsDocumented(HashSet<string> documented, string typeName, MemberInfo member)
    {
        var (prefix, parameters) = member switch
        {
            ConstructorInfo constructor => ($"M:{typeName}.#ctor", constructor.GetParameters().Length),
            MethodInfo method => ($"M:{typeName}.{method.Name}{(method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : string.Empty)}", method.GetParameters().Length),
            PropertyInfo property => ($"P:{typeName}.{property.Name}", -1),
            FieldInfo field => ($"F:{typeName}.{field.Name}", -1),
            EventInfo @event => ($"E:{typeName}.{@event.Name}", -1),
            _ => throw new InvalidOperationException($"Unexpected member {member}."),
        };

        return documented.Any(name => parameters switch
        {
            -1 => string.Equals(name, prefix, StringComparison.Ordinal),
            0 => string.Equals(name, prefix, StringComparison.Ordinal),
            _ => name.StartsWith(prefix + "(", StringComparison.Ordinal) && ParameterCount(name[(prefix.Length + 1)..^1]) == parameters,
        });
    }

    // Counts the top-level commas of a documentation id's parameter list ("System.String,System.Action{A,B}").
    private static int ParameterCount(string list)
    {
        var depth = 0;
        var count = 1;
        foreach (var c in list)
        {
            depth += c switch { '{' or '[' => 1, '}' or ']' => -1, _ => 0 };
            count += c == ',' && depth == 0 ? 1 : 0;
        }

        return count;
    }

    private static string DocName(Type type) => type.FullName!.Replace('+', '.');
}
