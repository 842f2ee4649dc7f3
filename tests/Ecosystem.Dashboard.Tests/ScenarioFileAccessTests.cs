using Ecosystem.Dashboard.Security;
using Ecosystem.Scenarios;

namespace Ecosystem.Dashboard.Tests;

/// <summary>Posted scenarios may read files under the data folder only: traversal, absolute paths and symbolic links
/// out of it are refused with the JSON path; a path inside it is resolved and kept.</summary>
public sealed class ScenarioFileAccessTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _outside = new();

    public ScenarioFileAccessTests()
    {
        Directory.CreateDirectory(Path.Combine(_data.Path, "corpus", "news"));
        File.WriteAllText(Path.Combine(_data.Path, "corpus", "news", "a.txt"), "inside");
        File.WriteAllText(Path.Combine(_outside.Path, "secret.txt"), "password");
        Directory.CreateSymbolicLink(Path.Combine(_data.Path, "escape"), _outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(_data.Path, "inner"), Path.Combine(_data.Path, "corpus"));
    }

    public void Dispose()
    {
        _data.Dispose();
        _outside.Dispose();
    }

    private static Scenario WithCorpus(string path) => ScenarioLoader.Parse($$"""
        { "name": "t", "data": { "kind": "text", "text": { "source": "folder", "path": {{System.Text.Json.JsonSerializer.Serialize(path)}} } },
          "vendors": [ { "name": "a" } ] }
        """, "test");

    [Theory]
    [InlineData("../")]
    [InlineData("corpus/../../")]
    [InlineData("escape")]
    [InlineData("escape/secret.txt")]
    [InlineData("inner/../escape")]
    public void A_path_that_leaves_the_data_folder_is_refused_with_its_json_path(string relative)
    {
        var (_, errors) = new ScenarioFileAccess(_data.Path).Confine(WithCorpus(relative), "$.definition");

        var error = Assert.Single(errors);
        Assert.Equal("$.definition.data.text.path", error.Path);
        Assert.Contains("outside the dashboard's data folder", error.Message);
    }

    [Fact]
    public void An_absolute_path_outside_is_refused_and_so_is_any_path_without_a_data_folder()
    {
        var (_, outside) = new ScenarioFileAccess(_data.Path).Confine(WithCorpus(_outside.Path), "$.definition");
        Assert.Equal("$.definition.data.text.path", Assert.Single(outside).Path);

        var (_, none) = new ScenarioFileAccess(null).Confine(WithCorpus(Path.Combine(_data.Path, "corpus")), "$.definition");
        Assert.Contains("Dashboard__DataDirectory", Assert.Single(none).Message);
    }

    [Fact]
    public void A_path_inside_is_resolved_through_links_and_kept()
    {
        var access = new ScenarioFileAccess(_data.Path);

        var (relative, none) = access.Confine(WithCorpus("corpus"), "$.definition");
        Assert.Empty(none);
        Assert.Equal(Path.Combine(_data.Path, "corpus"), relative.Data.Text.Path);

        // A link that stays inside the folder is fine; the run reads its target.
        var (linked, alsoNone) = access.Confine(WithCorpus(Path.Combine(_data.Path, "inner")), "$.definition");
        Assert.Empty(alsoNone);
        Assert.Equal(Path.Combine(_data.Path, "corpus"), linked.Data.Text.Path);
    }

    [Fact]
    public void A_base_corpus_is_held_to_the_same_folder()
    {
        var scenario = ScenarioLoader.Parse("""
            { "name": "t", "vendors": [ { "name": "a", "model": { "family": "transformer", "base": { "source": "folder", "path": "/etc" } },
              "training": { "initialWeights": "base" } } ] }
            """, "test");

        var (_, errors) = new ScenarioFileAccess(_data.Path).Confine(scenario, "$.scenario");

        Assert.Equal("$.scenario.vendors[0].model.base.path", Assert.Single(errors).Path);
    }
}
