using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BudgetActors.Runtime.Tests;

/// <summary>
/// A real silo host in this process, on a fake clock, hosting the test grains with memory storage and
/// reminders unless <c>configure</c> says otherwise.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    internal GrainRuntime Runtime => _host.Services.GetRequiredService<GrainRuntime>();

    internal IServiceProvider Services => _host.Services;

    internal ReminderService Reminders => _host.Services.GetRequiredService<ReminderService>();

    public static IHost Build(Action<ISiloBuilder>? configure = null, FakeTimeProvider? time = null, bool defaults = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(Epoch));
        builder.UseBudgetActorsSilo(silo =>
        {
            silo.UseLocalhostClustering("runtime-tests").AddGrains(typeof(TestSilo).Assembly);
            if (defaults)
            {
                silo.AddJsonSerializerContext(TestJsonContext.Default)
                    .AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorage)
                    .UseInMemoryReminders()
                    .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            }

            configure?.Invoke(silo);
        });
        return builder.Build();
    }

    public static async Task<TestSilo> StartAsync(Action<ISiloBuilder>? configure = null, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(Epoch);
        var host = Build(configure, time);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new TestSilo(host, time);
    }

    public static string NewKey(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
