using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Serialization;
using Ecosystem.Segments;
using Ecosystem.Segments.Tests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace Ecosystem.Simulation.Tests;

/// <summary>A document batch crosses between silos in the compact form and comes back as it was; within a silo it is
/// handed over as it is, never copied.</summary>
public sealed class DocumentBatchSerializationTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(Document).Assembly).AddAssembly(typeof(DocumentBatchConverter).Assembly))
        .BuildServiceProvider();

    [Fact]
    public void ABatchComesBackAsItWasSent()
    {
        var documents = SampleDocuments.OfTick(3).Concat(SampleDocuments.OfTick(4)).ToList();
        var serializer = _services.GetRequiredService<Serializer>();

        var back = serializer.Deserialize<DocumentBatch>(serializer.SerializeToArray(new DocumentBatch(documents)))!;

        SampleDocuments.Equal(documents, back);
    }

    [Fact]
    public void ABatchTypedAsAListStillTravelsInTheCompactForm()
    {
        // Grain methods that declare a list of documents get the batch's own form through polymorphism.
        var documents = SampleDocuments.OfTick(5);
        var serializer = _services.GetRequiredService<Serializer>();

        var bytes = serializer.SerializeToArray<IReadOnlyList<Document>>(new DocumentBatch(documents));
        var back = serializer.Deserialize<IReadOnlyList<Document>>(bytes);

        Assert.IsType<DocumentBatch>(back);
        SampleDocuments.Equal(documents, back);
    }

    [Fact]
    public void ManyDocumentsTakeFewerBytesThanTheGrainSerializersOwnForm()
    {
        var documents = Enumerable.Range(0, 1_000).Select(i => new Document(DocumentIdFormat.Human(7, i, 0), 7, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, $"h{i}", "", -1, "news", false, $"ca01:{i}"),
            DocumentContent.FromTokens([.. Enumerable.Range(0, 16).Select(k => (i * 31 + k * 977) % 50_257)]))).ToList();
        var serializer = _services.GetRequiredService<Serializer>();

        var batch = serializer.SerializeToArray(new DocumentBatch(documents)).Length;
        var list = serializer.SerializeToArray<IReadOnlyList<Document>>(documents).Length;

        Assert.True(batch < list, $"batch {batch} bytes, list {list} bytes");
        SampleDocuments.Equal(documents, serializer.Deserialize<DocumentBatch>(serializer.SerializeToArray(new DocumentBatch(documents)))!);
    }

    [Fact]
    public void WithinASiloABatchIsHandedOverNotCopied()
    {
        var batch = new DocumentBatch(SampleDocuments.OfTick(1));
        var copier = _services.GetRequiredService<DeepCopier>();

        Assert.Same(batch, copier.Copy(batch));
    }

    public void Dispose() => _services.Dispose();
}
