using System.Net;

namespace BudgetActors.ErpSimulator;

/// <summary>Where and how an <see cref="ErpSimulatorServer"/> listens.</summary>
public sealed record ErpSimulatorOptions
{
    /// <summary>The TCP port; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The address to listen on. Default loopback: the admin endpoint has no authentication.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The simulator's clock: latency, outage windows, journal times, Vista action delays. Default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether ASP.NET Core logs to the console (the standalone service does; in-process starts stay quiet).</summary>
    public bool ConsoleLogging { get; init; }
}
