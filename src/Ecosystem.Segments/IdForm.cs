namespace Ecosystem.Segments;

/// <summary>How a columnar segment holds a document's id.</summary>
public enum IdForm : byte
{
    /// <summary>A human id: author and sequence numbers.</summary>
    Human = 0,

    /// <summary>A model id: the vendor's string code, generation and sequence numbers.</summary>
    Model = 1,

    /// <summary>Any other id: its string code.</summary>
    Other = 2,
}
