using YamlDotNet.Serialization;

namespace Ecosystem.Deployment.Tests;

/// <summary>YAML read into plain maps, lists and strings, with accessors that fail with the key they missed.</summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static Dictionary<object, object> Parse(string text) =>
        Deserializer.Deserialize<Dictionary<object, object>>(text) ?? throw new InvalidDataException("empty YAML document");

    public static Dictionary<object, object> ParseFile(string path) => Parse(File.ReadAllText(path));

    public static Dictionary<object, object> Map(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is Dictionary<object, object> child
            ? child
            : throw new KeyNotFoundException($"no mapping '{key}' (keys: {string.Join(", ", map.Keys)})");

    public static List<object> List(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is List<object> child ? child : [];

    public static string? Text(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) ? value as string : null;

    public static IEnumerable<string> Strings(this Dictionary<object, object> map, string key) => map.List(key).Select(v => (string)v);
}
