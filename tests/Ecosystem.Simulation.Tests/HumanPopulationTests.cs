using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Authors;
using Ecosystem.Scenarios;

namespace Ecosystem.Simulation.Tests;

public class HumanPopulationTests
{
    [Fact]
    public void By_default_every_author_is_active_and_the_total_is_split_evenly_with_a_rotating_remainder()
    {
        var population = new HumanPopulation(new HumanSpec { Authors = 4, DocumentsPerTick = 10, InitialDocuments = 2 }, worlds: 1);

        Assert.Equal(4, population.ActiveAt(7));
        Assert.Equal(12, Enumerable.Range(0, 4).Sum(a => population.CountAt(0, a, 0)));
        Assert.Equal([2, 3, 3, 2], Enumerable.Range(0, 4).Select(a => population.CountAt(0, a, 1)));
        Assert.Equal([2, 2, 3, 3], Enumerable.Range(0, 4).Select(a => population.CountAt(0, a, 2)));
        Assert.Equal(population.CountAt(0, 1, 0) + population.CountAt(0, 1, 1), population.CountBefore(0, 1, 2));
    }

    [Fact]
    public void Cohorts_carry_every_active_author_with_something_to_publish_once_with_its_own_count_and_queue_position()
    {
        double[] rates = [1, 0, 0.5, 1, 1, 0, 2];
        var humans = new HumanSpec { Authors = 7, ActiveAuthors = 5, NewcomersPerTick = 1, DocumentsPerTick = 9 };
        var population = new HumanPopulation(humans, worlds: 1, rateOf: a => rates[a]);

        for (var tick = 0; tick < 4; tick++)
        {
            var cohorts = population.QuotasAt(0, tick, authorsPerCohort: 2).ToList();

            // Cohort c holds places 2c and 2c + 1; a cohort whose authors publish nothing is left out.
            Assert.All(cohorts, c => Assert.All(c.Quotas, q => Assert.Equal(c.Index, q.Author / 2)));
            var quotas = cohorts.SelectMany(c => c.Quotas).ToList();
            var expected = Enumerable.Range(0, population.ActiveAt(tick))
                .Where(a => population.CountAt(0, a, tick) > 0)
                .Select(a => new AuthorQuota(a, population.CountAt(0, a, tick), population.CountBefore(0, a, tick)));
            Assert.Equal(expected, quotas);
            Assert.DoesNotContain(quotas, q => q.Author == 1 || q.Author == 5);
        }
    }

    [Fact]
    public void Rates_of_one_change_nothing_and_other_rates_scale_each_author_s_running_total()
    {
        var humans = new HumanSpec { Authors = 4, DocumentsPerTick = 10, InitialDocuments = 2 };
        var even = new HumanPopulation(humans, worlds: 1);
        var ones = new HumanPopulation(humans, worlds: 1, rateOf: _ => 1);
        double[] rates = [1, 0.5, 0, 2];
        var rated = new HumanPopulation(humans, worlds: 1, rateOf: a => rates[a]);

        for (var tick = 0; tick < 12; tick++)
        {
            for (var author = 0; author < 4; author++)
            {
                Assert.Equal(even.CountAt(0, author, tick), ones.CountAt(0, author, tick));
                var evenBefore = even.CountBefore(0, author, tick + 1);
                var ratedBefore = rated.CountBefore(0, author, tick + 1);

                // The running total is the even one scaled and rounded down, and the ticks add up to it.
                Assert.Equal((int)Math.Floor(rates[author] * evenBefore), ratedBefore);
                Assert.Equal(ratedBefore, Enumerable.Range(0, tick + 1).Sum(t => rated.CountAt(0, author, t)));
            }
        }

        // Half the rate: one document every other tick at most, never more than half of the even share.
        Assert.All(Enumerable.Range(0, 12), t => Assert.InRange(rated.CountAt(0, 1, t), 0, even.CountAt(0, 1, t)));
        Assert.Equal(0, rated.CountBefore(0, 2, 12));
        Assert.Equal(2 * even.CountBefore(0, 3, 12), rated.CountBefore(0, 3, 12));
    }

    [Fact]
    public void Newcomers_join_until_everyone_is_active_and_the_active_ones_publish_their_share_of_the_population_output()
    {
        var population = new HumanPopulation(new HumanSpec { Authors = 10, ActiveAuthors = 4, NewcomersPerTick = 3, DocumentsPerTick = 100 }, worlds: 1);

        Assert.Equal([4, 7, 10, 10], Enumerable.Range(0, 4).Select(population.ActiveAt));
        Assert.Equal(40, population.TotalAt(0, 0));
        Assert.Equal(70, population.TotalAt(0, 1));
        Assert.Equal(0, population.CountAt(0, 8, 1));
        Assert.Equal(10, population.CountAt(0, 8, 2));
    }

    [Fact]
    public void An_author_s_queue_position_is_what_it_published_at_every_tick_before_whatever_order_ticks_are_asked_in_and_after_a_retried_tick()
    {
        var humans = new HumanSpec
        {
            Authors = 9, ActiveAuthors = 0, NewcomersPerTick = 2, FirstTick = 2, LastTick = 14, DocumentsPerTick = 31, InitialDocuments = 5, Displacement = 0.7,
        };
        var population = new HumanPopulation(humans, worlds: 2);
        var random = new Random(4);
        int Published(int world, int author, int tick) => Enumerable.Range(0, tick).Sum(t => population.CountAt(world, author, t));
        void Check(int world, int tick) =>
            Assert.Equal(Enumerable.Range(0, 9).Select(a => Published(world, a, tick)), Enumerable.Range(0, 9).Select(a => population.CountBefore(world, a, tick)));

        for (var tick = 0; tick < 18; tick++)
        {
            Check(0, tick);
            Check(1, tick);
            population.Record(0, tick, random.NextDouble());
            population.Record(1, tick, random.NextDouble());
        }

        // Back to earlier ticks, then a retried tick that changes what later ticks publish.
        Check(0, 7);
        Check(1, 17);
        Check(0, 17);
        var publishedBefore11 = Enumerable.Range(0, 9).Sum(a => population.CountBefore(0, a, 11));
        population.Record(0, 9, 1.0);
        Check(0, 11);
        Check(0, 10);
        Assert.True(Enumerable.Range(0, 9).Sum(a => population.CountBefore(0, a, 11)) < publishedBefore11);
    }

    [Fact]
    public void Displacement_lowers_each_world_s_output_by_its_own_previous_synthetic_share_and_a_retried_tick_replaces_its_record()
    {
        var population = new HumanPopulation(new HumanSpec { Authors = 5, DocumentsPerTick = 200, InitialDocuments = 50, Displacement = 0.5 }, worlds: 2);
        population.Record(0, 0, 0.4);
        population.Record(1, 0, 0.0);

        Assert.Equal(250, population.TotalAt(0, 0));
        Assert.Equal(160, population.TotalAt(0, 1));
        Assert.Equal(200, population.TotalAt(1, 1));

        population.Record(0, 0, 0.8);
        Assert.Equal(120, population.TotalAt(0, 1));
        Assert.Throws<InvalidOperationException>(() => population.Record(1, 2, 0.1));
    }

    [Fact]
    public void Assistance_adoption_grows_linearly_from_its_start_up_to_its_ceiling()
    {
        var population = new HumanPopulation(new HumanSpec { Assistance = new AssistanceSpec { Vendor = "a", Start = 2, Rate = 0.25, Max = 0.6 } }, worlds: 1);

        Assert.Equal([0, 0, 0.25, 0.5, 0.6, 0.6], Enumerable.Range(0, 6).Select(population.AssistedShareAt));
    }
}
