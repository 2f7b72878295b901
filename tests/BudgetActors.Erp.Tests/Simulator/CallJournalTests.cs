using BudgetActors.Erp.Spectrum;
using BudgetActors.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetActors.Erp.Tests;

/// <summary>The simulator's journal catches what the gateway must never do: overlapping calls and double postings.</summary>
public sealed class CallJournalTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    private ErpSimulatorServer _simulator = null!;
    private SpectrumConnector _connector = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private SimulatedCompany Company => _simulator.Erp.Company(SimulatedSystem.Spectrum, ContractData.SpectrumCompany);

    public async ValueTask InitializeAsync()
    {
        _simulator = await ErpSimulatorServer.StartAsync(ContractData.Data, new ErpSimulatorOptions { Time = _clock }, Cancellation);
        var options = new SpectrumOptions();
        options.Companies[ContractData.SpectrumCompany] = new SpectrumCompanyOptions { BaseUrl = _simulator.BaseAddress, AuthorizationId = ContractData.SpectrumAuthorization };
        _connector = new SpectrumConnector(ErpServiceCollectionExtensions.CreateHttpClient(), options, TimeProvider.System, NullLogger<SpectrumConnector>.Instance);
    }

    public ValueTask DisposeAsync() => _simulator.DisposeAsync();

    [Fact]
    public async Task Two_calls_in_flight_together_are_flagged_as_an_overlap()
    {
        Company.Faults = new FaultSettings { LatencyMs = 1_000 };

        var first = _connector.ListCostCodesAsync(ContractData.SpectrumCompany, Cancellation);
        var second = _connector.ListCostCodesAsync(ContractData.SpectrumCompany, Cancellation);
        await UntilAsync(() => Company.Journal().Entries.Count(e => e.Outcome == "running") == 2);
        await UntilAsync(() => _clock.TimersDueBy(_clock.GetUtcNow() + TimeSpan.FromSeconds(1)) >= 2); // both latencies armed
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first, second);

        var journal = Company.Journal();
        Assert.Equal([new JournalOverlap(1, 2)], journal.Overlaps);
        Assert.All(journal.Entries, e => Assert.True(e.Overlapped));
    }

    [Fact]
    public async Task Calls_one_after_the_other_are_not_overlaps_and_are_journaled_with_start_and_end()
    {
        Company.Faults = new FaultSettings { LatencyMs = 1_000 };
        for (var i = 0; i < 2; i++)
        {
            var call = _connector.ListCostCodesAsync(ContractData.SpectrumCompany, Cancellation);
            await UntilAsync(() => Company.Journal().Entries.Any(e => e.Outcome == "running"));
            await UntilAsync(() => _clock.TimersDueBy(_clock.GetUtcNow() + TimeSpan.FromSeconds(1)) >= 1); // its latency armed
            _clock.Advance(TimeSpan.FromSeconds(1));
            await call;
        }

        var journal = Company.Journal();
        Assert.Empty(journal.Overlaps);
        Assert.All(journal.Entries, e => Assert.Equal(TimeSpan.FromSeconds(1), e.End - e.Start));
    }

    [Fact]
    public async Task A_company_that_ignores_batch_keys_applies_a_repeat_and_the_journal_flags_the_double_posting()
    {
        Company.Faults = new FaultSettings { HonourBatchKeys = false };
        var export = new ExportRequest("acme:tower-7", 1, ContractData.EmptyJob, [new ExportLine("03-300", "M", 1m, 1m)]);

        await _connector.PostEstimatesAsync(ContractData.SpectrumCompany, export, Cancellation);
        await _connector.PostEstimatesAsync(ContractData.SpectrumCompany, export, Cancellation);

        var journal = Company.Journal();
        Assert.Equal(2, journal.PostingsApplied);
        Assert.Equal([ErpBatchId.For(export.IdempotencyKey).ToString("D")], journal.DoublePostings);
    }

    /// <summary>Yields until the simulator has reached a state (its request handlers run on their own threads).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var guard = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < guard, "The simulator did not get there within 20 seconds.");
            await Task.Yield();
        }
    }
}
