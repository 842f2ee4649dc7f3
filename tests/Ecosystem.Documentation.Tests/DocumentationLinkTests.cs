using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Ecosystem.Documentation.Tests;

/// <summary>Every link and picture in README.md and docs/ points at a file that exists and, with a #fragment, at a
/// heading of that file (anchors as GitHub makes them), so the front door never leads nowhere.</summary>
public class DocumentationLinkTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).Build();

    private static readonly string Root = FindRoot();

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        pages.Add("README.md");
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(Root, file));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_link_of_the_page_points_at_a_file_or_heading_that_exists(string page)
    {
        var broken = BrokenLinks(Path.Combine(Root, page));

        Assert.True(broken.Count == 0, $"{page} has broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void A_missing_file_or_heading_is_reported_and_outside_links_are_not_followed()
    {
        var folder = Directory.CreateTempSubdirectory("links-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "other.md"), "# Present\n");
            File.WriteAllText(Path.Combine(folder, "page.md"),
                "# Here\n\n[ok](other.md#present) [self](#here) [web](https://example.invalid/x) ![pic](missing.png) [gone](other.md#absent) [none](nowhere.md)\n");

            var broken = BrokenLinks(Path.Combine(folder, "page.md"));

            Assert.Equal(3, broken.Count);
            Assert.Contains(broken, b => b.StartsWith("missing.png", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.StartsWith("other.md#absent", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.StartsWith("nowhere.md", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> BrokenLinks(string path)
    {
        var broken = new List<string>();
        foreach (var link in Markdown.Parse(File.ReadAllText(path), Pipeline).Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            if (url.Length == 0 || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = url.IndexOf('#');
            var file = hash < 0 ? url : url[..hash];
            var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
            var target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                broken.Add($"{url}: no file {target}");
            }
            else if (fragment is not null && !Anchors(target).Contains(fragment))
            {
                broken.Add($"{url}: no heading with the anchor '{fragment}' in {target}");
            }
        }

        return broken;
    }

    [Fact]
    public void Anchors_are_made_as_github_makes_them()
    {
        var file = Path.Combine(Path.GetTempPath(), $"anchors-{Guid.NewGuid():N}.md");
        File.WriteAllText(file, "# The golden ratio (`sweeps/golden-ratio.json`)\n\n## Crawler opt-outs\n\n## Crawler opt-outs\n");
        try
        {
            var anchors = Anchors(file);
            Assert.Contains("the-golden-ratio-sweepsgolden-ratiojson", anchors);
            Assert.Contains("crawler-opt-outs", anchors);
            Assert.Contains("crawler-opt-outs-1", anchors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static HashSet<string> Anchors(string markdownFile)
    {
        if (!markdownFile.EndsWith(".md", StringComparison.Ordinal))
        {
            return [];
        }

        return [.. Markdown.Parse(File.ReadAllText(markdownFile), Pipeline).Descendants<HeadingBlock>()
            .Select(h => h.GetAttributes().Id).OfType<string>()];
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ecosystem.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Ecosystem.sln above {AppContext.BaseDirectory}.");
    }
}
