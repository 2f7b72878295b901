using System.Text.Json.Serialization;

namespace BudgetActors.Runtime.Tests;

[JsonSerializable(typeof(ValueState))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(TimeSpan))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
