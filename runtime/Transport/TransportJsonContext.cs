using System.Text.Json.Serialization;

namespace BudgetActors.Runtime;

/// <summary>The transport's own messages.</summary>
[JsonSerializable(typeof(RemoteError))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(CallerIdentity))]
[JsonSerializable(typeof(SiloReport))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class TransportJsonContext : JsonSerializerContext;
