using System.CommandLine;
using System.Globalization;
using Ecosystem.Corpus;
using Ecosystem.Grains.Bases;
using Ecosystem.Models.Transformer;
using Ecosystem.Models.Transformer.Bases;
using Ecosystem.Scenarios;

namespace Ecosystem.Cli.Bases;

/// <summary><c>ecosystem base list|build|remove</c>: the pretrained bases in the cache folder.</summary>
public static class BaseCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("base", "Pretrained base models (model.base in a scenario): list, build or remove the cached ones. " +
                                          "Bases live in the cache folder's 'bases' (ECOSYSTEM_CACHE, else XDG_CACHE_HOME/ecosystem, else ~/.cache/ecosystem); " +
                                          "the silos of a Redis cluster keep theirs in the shared blob folder's 'bases' (give it with --cache).")
        {
            List(), Build(), Remove(),
        };
        return command;
    }

    private static Option<string?> CacheOption() => new("--cache") { Description = "Folder of cached bases (default: the cache folder's 'bases')." };

    private static BaseModelCache CacheOf(ParseResult parse, Option<string?> cache) =>
        new(parse.GetValue(cache) ?? BaseModelOptions.DefaultDirectory);

    private static Command List()
    {
        var cache = CacheOption();
        var command = new Command("list", "List the cached bases: key, size, corpus, build time, and whether their files are intact.") { cache };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var bases = CacheOf(parse, cache);
            var entries = bases.List();
            if (entries.Count == 0)
            {
                output.WriteLine($"No cached bases in {bases.Directory}.");
                return ExitCodes.Success;
            }

            output.WriteLine($"{entries.Count} base(s) in {bases.Directory}:");
            foreach (var entry in entries)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{entry.Key[..16]}  {(BaseModelCache.IsIntact(entry) ? "intact" : "DAMAGED")}  built {entry.BuiltAt:yyyy-MM-dd HH:mm} in {entry.BuildSeconds / 60:F1} min  " +
                    $"{entry.Parameters:N0} parameters, final loss {entry.FinalLoss:F3}  {entry.Recipe.Describe()}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Build()
    {
        var cache = CacheOption();
        var scenario = new Argument<string>("scenario") { Description = "Scenario whose vendors' model.base to build (those already cached are reported and kept)." };
        var command = new Command("build", "Build the bases a scenario's vendors name in model.base, with progress (tokens/s, ETA). Exit code 0 when all are cached, 2 on invalid input.")
        {
            scenario, cache,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            Scenario loaded;
            try
            {
                loaded = ScenarioLoader.LoadFile(parse.GetValue(scenario)!);
            }
            catch (ScenarioValidationException e)
            {
                error.WriteLine(e.Message);
                return ExitCodes.InvalidInput;
            }

            var vendors = loaded.Vendors.Where(v => v.Model.Base is not null).ToList();
            if (vendors.Count == 0)
            {
                error.WriteLine("vendors[*].model.base: no vendor of this scenario has a base; nothing to build.");
                return ExitCodes.InvalidInput;
            }

            var bases = CacheOf(parse, cache);
            foreach (var vendor in vendors)
            {
                BasePlan plan;
                try
                {
                    plan = await BasePlan.LoadAsync(loaded, vendor, HumanCorpusLoader.Shared, cancellationToken);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or CorpusFormatException)
                {
                    error.WriteLine($"Input error: {e.Message}");
                    return ExitCodes.InvalidInput;
                }

                output.WriteLine($"{vendor.Name}: base {plan.Recipe.Key[..16]}, {plan.Recipe.Describe()}");
                var progress = new ProgressLines<TrainingProgress>(output, p => "  " + TrainingText.Describe(p), p => p.Epoch);
                var (_, entry, built) = await Task.Run(() => bases.GetOrBuild(plan.Recipe, () => plan.Documents, progress, w => error.WriteLine("Warning: " + w), cancellationToken), cancellationToken);
                output.WriteLine(built
                    ? string.Create(CultureInfo.InvariantCulture, $"{vendor.Name}: built in {entry.BuildSeconds / 60:F1} min ({entry.TokensPerSecond:N0} tokens/s), saved in {entry.Folder}")
                    : $"{vendor.Name}: already cached in {entry.Folder}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var cache = CacheOption();
        var keys = new Argument<string[]>("key") { Description = "Keys (or their first 8+ characters, as 'list' prints them) of the bases to remove.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Remove every cached base." };
        var command = new Command("remove", "Remove cached bases; a later run that needs one builds it again. Exit code 2 when a key matches no base.") { keys, all, cache };
        command.SetAction(parse =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var bases = CacheOf(parse, cache);
            var wanted = parse.GetValue(all) ? bases.List().Select(e => e.Key).ToArray() : parse.GetValue(keys) ?? [];
            if (wanted.Length == 0 && !parse.GetValue(all))
            {
                error.WriteLine("key: missing; give the keys of the bases to remove (see 'ecosystem base list'), or --all.");
                return ExitCodes.InvalidInput;
            }

            foreach (var key in wanted)
            {
                try
                {
                    if (bases.Remove(key) is { } removed)
                    {
                        output.WriteLine($"Removed base {removed.Key[..16]} ({removed.Recipe.Describe()}).");
                    }
                    else
                    {
                        error.WriteLine($"key: no cached base in {bases.Directory} has a key starting with '{key}'.");
                        return ExitCodes.InvalidInput;
                    }
                }
                catch (ArgumentException e)
                {
                    error.WriteLine($"key: {e.Message}");
                    return ExitCodes.InvalidInput;
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
