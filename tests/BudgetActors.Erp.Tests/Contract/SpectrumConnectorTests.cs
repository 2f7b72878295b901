using BudgetActors.Erp.Spectrum;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetActors.Erp.Tests;

/// <summary>The connector contract for Spectrum, and what only Spectrum does (warnings, SOAP faults, batch GUIDs).</summary>
public sealed class SpectrumConnectorTests : ErpConnectorContract
{
    protected override SimulatedSystem System => SimulatedSystem.Spectrum;

    protected override string CompanyCode => ContractData.SpectrumCompany;

    protected override (string Code, string Column) MissingJob => ("M", "Job_Number");

    protected override (string Code, string Column) InvalidPhase => ("I", "Phase_Code");

    protected override (string Code, string Column) ClosedJob => ("I", "Job_Number");

    protected override (string Code, string Column) NotAuthorised => ("A", "Authorization_ID");

    protected override ScriptedFault[] LoseThePostingsAnswer => [new(FaultKind.LostResponse)];

    protected override IErpConnector CreateConnector(Uri baseAddress, string? credential = null, TimeSpan? requestTimeout = null)
    {
        var options = new SpectrumOptions { RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30) };
        options.Companies[ContractData.SpectrumCompany] = new SpectrumCompanyOptions { BaseUrl = baseAddress, AuthorizationId = credential ?? ContractData.SpectrumAuthorization };
        return new SpectrumConnector(ErpServiceCollectionExtensions.CreateHttpClient(), options, ConnectorClock, NullLogger<SpectrumConnector>.Instance);
    }

    [Fact]
    public async Task A_warning_is_success_and_the_posting_is_applied()
    {
        // The current estimate below the job-to-date cost: Spectrum takes it with Error_Code W.
        await Connector.PostEstimatesAsync(CompanyCode, Export(ContractData.EstimatedJob, 1, new ExportLine("03-300", "M", 10_000m, 10_000m)), Cancellation);

        Assert.Equal(10_000m, Phase(ContractData.EstimatedJob, "03-300", "M")!.CurrentEstimate);
        Assert.Equal("applied W", Company.Journal().Entries[^1].Outcome);
    }

    [Fact]
    public async Task An_export_goes_under_the_batch_guid_derived_from_its_idempotency_key()
    {
        var export = Export(ContractData.EmptyJob, 4, new ExportLine("03-300", "M", 1m, 1m));

        await Connector.PostEstimatesAsync(CompanyCode, export, Cancellation);

        Assert.Equal(ErpBatchId.For(export.IdempotencyKey).ToString("D"), Company.Journal().Entries[^1].BatchKey);
        Assert.NotEqual(ErpBatchId.For(export.IdempotencyKey), ErpBatchId.For((export with { Submission = 5 }).IdempotencyKey));
    }

    [Fact]
    public async Task A_server_that_answers_with_a_soap_fault_or_a_bare_5xx_is_transient()
    {
        Company.FailNextCalls(new ScriptedFault(FaultKind.Outage));
        var fault = await Assert.ThrowsAsync<ErpException>(() => Connector.GetEstimatesAsync(CompanyCode, ContractData.EstimatedJob, Cancellation));

        Assert.True(fault.IsTransient);
        Assert.Contains("503", fault.Error.Text, StringComparison.Ordinal);
    }
}
