namespace Ecosystem.Segments.Tests;

public sealed class StringTableTests
{
    [Fact]
    public void A_string_gets_the_code_of_its_first_occurrence_whether_it_comes_back_as_the_same_instance_or_a_copy()
    {
        var table = new StringTable();
        var values = Enumerable.Range(0, 20_000).Select(i => $"h{i}").ToArray();

        var first = values.Select(table.CodeOf).ToArray();
        var sameInstances = values.Select(table.CodeOf).ToArray();
        var copies = values.Select(v => table.CodeOf(new string(v.AsSpan()))).ToArray();

        Assert.Equal(Enumerable.Range(1, values.Length), first);
        Assert.Equal(first, sameInstances);
        Assert.Equal(first, copies);
        Assert.Equal(values.Length + 1, table.Count);
        Assert.All(values, (v, i) => Assert.Equal(v, table[first[i]]));
    }

    [Fact]
    public void A_small_table_codes_the_same_as_a_large_one()
    {
        var small = new StringTable();
        var codes = new[] { "news", "fiction", "news", new string("fiction".AsSpan()), "h1" }.Select(small.CodeOf).ToArray();

        Assert.Equal([1, 2, 1, 2, 3], codes);
        Assert.Equal(4, small.Count);
    }

    [Fact]
    public void The_empty_string_is_code_zero()
    {
        var table = new StringTable();

        Assert.Equal(0, table.CodeOf(""));
        Assert.Equal(0, table.CodeOf(new string('x', 0)));
        Assert.Equal(1, table.Count);
    }
}
