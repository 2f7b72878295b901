using System.Text.Json.Serialization;

namespace BudgetActors.Benchmarks;

[JsonSerializable(typeof(SmallState))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
