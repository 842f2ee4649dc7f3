using System.CommandLine;
using Ecosystem.Benchmarks;

IBenchmarkSuite[] suites = [new EngineSuite(), new NGramSuite(), new TransformerSuite()];
var notes = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["ngram"] = "Both models are interpolated Kneser-Ney trigrams with discount 0.75 on the same GPT-2 ids. Their perplexities differ " +
        "because they are distributions over different sets: ours spreads the lowest-order leftover mass uniformly over all 50,257 GPT-2 ids, " +
        "so an id never seen in training keeps a small probability; NLTK's vocabulary is the ids seen in training plus <UNK> (every unseen " +
        "id shares one <UNK> entry), and it pads each document with <s> and </s> symbols. NLTK also gives probability 0 to many held-out tokens (an unseen word in a context " +
        "it has seen), which makes its true perplexity infinite: the table reports its perplexity over the other tokens and how many were " +
        "zero, while ours gives every token a non-zero probability. NLTK's scoring and sampling " +
        "recompute the recursion in Python for every token, which is where most of the speed difference comes from.",
    ["transformer"] = "Same decoder in both (2 pre-norm blocks, rotary attention, tied output layer, AdamW, gradient clipping, dropout 0.1), " +
        "same random token blocks, batch, sequence length and thread count. Training includes the optimiser step; generation samples 64 tokens " +
        "after a 64-token prompt with a sliding key/value cache. PyTorch is Debian's python3-torch (no scaled_dot_product_attention in 1.13, " +
        "so its attention is written out); TorchSharp uses libtorch's fused attention. A ratio above 1 means TorchSharp is faster.",
    ["engine"] = "One embedded silo on this machine; the unigram vendor trains once at the last tick and publishes nothing, so the figures are " +
        "publishing, sharding, scraping and per-tick measurement. Memory per document is the managed heap the run still holds afterwards " +
        "(documents live in the corpus shard grains) divided by the documents published.",
};

var suite = new Option<string>("--suite") { Description = "Which suite to run: " + string.Join(", ", suites.Select(s => s.Name)) + " or all.", DefaultValueFactory = _ => "all" };
suite.AcceptOnlyFromAmong([.. suites.Select(s => s.Name), "all"]);
var output = new Option<string?>("--out") { Description = "Folder for results.json and RESULTS.md (default: benchmarks/ of the repository)." };
var quick = new Option<bool>("--quick") { Description = "A small smoke configuration (seconds), not for reporting." };
var root = new RootCommand("ecosystem-bench: measures the simulator's engine, its n-gram model against NLTK and its TorchSharp transformer against PyTorch, prints tables and writes results.json and RESULTS.md.")
{
    suite, output, quick,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var chosen = parse.GetValue(suite)!;
    var results = new List<BenchmarkResult>();
    foreach (var s in suites.Where(s => chosen == "all" || s.Name == chosen))
    {
        results.AddRange(await s.RunAsync(parse.GetValue(quick), message => Console.Error.WriteLine(message), cancellationToken));
    }

    BenchmarkReport.Print(results);
    var directory = parse.GetValue(output) ?? Path.Combine(RepositoryFiles.Root, "benchmarks");
    BenchmarkReport.Write(directory, results, MachineFacts.Current(), notes);
    Console.Out.WriteLine($"Results written to {Path.Combine(directory, "results.json")} and RESULTS.md.");
    return 0;
});
return await root.Parse(args).InvokeAsync();
