using System.Text.Json.Serialization;

namespace BudgetActors.Runtime;

/// <summary>The types the runtime itself stores or sends.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(TimeSpan))]
[JsonSerializable(typeof(VoidResult))]
[JsonSerializable(typeof(TickStatus))]
[JsonSerializable(typeof(CallerIdentity))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
