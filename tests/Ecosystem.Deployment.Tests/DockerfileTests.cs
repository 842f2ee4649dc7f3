namespace Ecosystem.Deployment.Tests;

/// <summary>The silo and dashboard Dockerfiles, read as text (no container engine runs here): multi-stage builds
/// that pass the torch backend to the build and pick the runtime image by it, and a build context without outputs.</summary>
public class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "silo/Ecosystem.Silo/Dockerfile", "ecosystem-silo.dll" },
        { "dashboard/Dockerfile", "ecosystem-dashboard.dll" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void The_build_stage_publishes_with_the_torch_backend_and_the_final_stage_runs_the_program(string path, string program)
    {
        var dockerfile = Dockerfile.Read(RepositoryRoot.File(path));
        var stages = dockerfile.Stages();

        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages["build"]);
        var publish = Assert.Single(dockerfile.All("RUN"), r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("-p:TorchBackend=${TORCH_BACKEND}", publish.Arguments);
        var project = Assert.Single(publish.Words, w => w.EndsWith(".csproj", StringComparison.Ordinal));
        Assert.True(File.Exists(RepositoryRoot.File(project)), $"{path} publishes {project}, which does not exist");
        Assert.Contains("-c Release", publish.Arguments);
        Assert.Equal("runtime-${TORCH_BACKEND}", stages["final"]);
        Assert.Contains(dockerfile.All("ARG"), a => a.Arguments == "TORCH_BACKEND=cpu");
        Assert.Contains(program, dockerfile.All("ENTRYPOINT").Single().Arguments);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void There_is_a_runtime_stage_per_backend_and_the_cuda_one_starts_from_a_cuda_image(string path, string program)
    {
        var stages = Dockerfile.Read(RepositoryRoot.File(path)).Stages();

        Assert.StartsWith("mcr.microsoft.com/dotnet/", stages["runtime-cpu"]);
        Assert.StartsWith("nvidia/cuda:", stages["runtime-cuda"]);
        Assert.Contains("ubuntu24.04", stages["runtime-cuda"]);
        Assert.NotEmpty(program);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_image_carries_the_brown_corpus_fetched_by_the_project_script(string path, string program)
    {
        var dockerfile = Dockerfile.Read(RepositoryRoot.File(path));

        Assert.Contains(dockerfile.All("RUN"), r => r.Arguments.Contains("scripts/fetch-brown.sh", StringComparison.Ordinal));
        Assert.Contains(dockerfile.All("COPY"), c => c.Arguments.StartsWith("--from=corpus", StringComparison.Ordinal));
        Assert.Contains(dockerfile.All("ENV"), e => e.Arguments.Contains("ECOSYSTEM_CACHE=", StringComparison.Ordinal));
        Assert.NotEmpty(program);
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_and_runs_but_not_what_the_images_copy()
    {
        var ignored = File.ReadAllLines(RepositoryRoot.File(".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
        Assert.Contains("runs", ignored);
        Assert.Contains(".git", ignored);
        var copied = Images.Select(row => (string)row[0]).SelectMany(p => Dockerfile.Read(RepositoryRoot.File(p)).CopiedSources());
        Assert.All(copied, source => Assert.DoesNotContain(source.TrimEnd('/').Split('/')[0], ignored));
    }
}
