using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Tests;

/// <summary>One entry a <see cref="RecordingLogger"/> kept, with its structured values.</summary>
public sealed record LoggedEntry(int EventId, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Values);
