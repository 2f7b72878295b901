using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Tests;

/// <summary>A logger that keeps what it is told, and lets a test await the first entry with an event id.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<LoggedEntry>> _first = new();

    public IReadOnlyCollection<LoggedEntry> Entries => _entries;

    public bool Has(int eventId) => _entries.Any(e => e.EventId == eventId);

    /// <summary>This logger as the <see cref="ILogger{TCategoryName}"/> a class asks for.</summary>
    public ILogger<T> For<T>() => new TypedLogger<T>(this);

    public Task<LoggedEntry> FirstAsync(int eventId) => Signal(eventId).Task;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var entry = new LoggedEntry(eventId.Id, logLevel, formatter(state, exception), exception, values.ToDictionary(p => p.Key, p => p.Value));
        _entries.Enqueue(entry);
        Signal(eventId.Id).TrySetResult(entry);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    private TaskCompletionSource<LoggedEntry> Signal(int eventId) =>
        _first.GetOrAdd(eventId, _ => new TaskCompletionSource<LoggedEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>Hands a typed logger's entries to one recording logger.</summary>
file sealed class TypedLogger<T>(ILogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
