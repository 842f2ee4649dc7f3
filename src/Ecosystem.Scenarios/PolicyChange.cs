using System.Text.Json.Nodes;

namespace Ecosystem.Scenarios;

/// <summary>A policy that changes during a run: from <see cref="Tick"/> on, the scenario holds <see cref="Value"/> at
/// <see cref="Path"/> (a JSON pointer into a vendor's training, decoding or deployment, or its watermark adoption).</summary>
/// <param name="Tick">First tick the change is in force.</param>
/// <param name="Path">JSON pointer, e.g. "/vendors/0/watermark/adoption".</param>
/// <param name="Value">The new value.</param>
public sealed record PolicyChange(int Tick, string Path, JsonNode? Value);
