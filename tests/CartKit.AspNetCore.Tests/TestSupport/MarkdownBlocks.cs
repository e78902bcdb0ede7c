using System.Text.RegularExpressions;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>A fenced code block of a Markdown file, with the <c>docs-test</c> marker on the line before it, if any.</summary>
/// <param name="Marker">The name in <c>&lt;!-- docs-test: NAME --&gt;</c> on the line right before the fence.</param>
/// <param name="Language">The fence's info string (<c>csharp</c>, <c>sh</c>...), empty when none.</param>
/// <param name="Code">The block's lines, joined with <c>\n</c>, with a final newline.</param>
/// <param name="Line">The 1-based line of the opening fence, for messages.</param>
public sealed record FencedBlock(string? Marker, string Language, string Code, int Line);

/// <summary>
/// Reads the fenced code blocks of the docs, and the markers that tie a block to the test that builds or runs it:
/// <c>&lt;!-- docs-test: getting-started/Program.cs --&gt;</c> on the line right before the opening fence.
/// </summary>
public static partial class MarkdownBlocks
{
    public static IReadOnlyList<FencedBlock> Read(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, relativePath));
        var blocks = new List<FencedBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fence().Match(lines[i]) is not { Success: true } open)
            {
                continue;
            }

            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.Add(lines[i]);
            }

            Assert.True(i < lines.Length, $"{relativePath}:{start + 1}: a code block is never closed.");
            var marker = start > 0 && Marker().Match(lines[start - 1]) is { Success: true } m ? m.Groups["name"].Value : null;
            blocks.Add(new FencedBlock(marker, open.Groups["lang"].Value, string.Join('\n', code) + "\n", start + 1));
        }

        return blocks;
    }

    /// <summary>The names of every marker in the file, wherever it stands (a marker not followed by a block counts too).</summary>
    public static IReadOnlyList<string> MarkersIn(string relativePath) =>
        [.. File.ReadAllLines(Path.Combine(RepositoryRoot.Path, relativePath))
            .Select(line => Marker().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["name"].Value)];

    /// <summary>The block with this marker; fails if the file has none, or more than one.</summary>
    public static FencedBlock Marked(string relativePath, string marker)
    {
        var found = Read(relativePath).Where(b => b.Marker == marker).ToList();
        Assert.True(found.Count == 1, $"{relativePath} must have exactly one code block marked <!-- docs-test: {marker} --> (found {found.Count}).");
        return found[0];
    }

    [GeneratedRegex(@"^```(?<lang>[\w.+-]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!--\s*docs-test:\s*(?<name>\S+)\s*-->\s*$")]
    private static partial Regex Marker();
}
