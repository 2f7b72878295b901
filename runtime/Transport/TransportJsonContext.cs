using System.Text.Json.Serialization;

namespace BudgetActors.Runtime;

/// <summary>The transport's own messages.</summary>
[JsonSerializable(typeof(RemoteError))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(CallerIdentity))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class TransportJsonContext : JsonSerializerContext;
