namespace BudgetActors.Grains.Tests;

public sealed class ConcurrencyTests : MemoryWorkflowTest
{
    [Fact]
    public async Task Two_approvers_deciding_one_item_at_once_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var project = $"race-{round}";
            await Silo.AddProjectAsync(project, $"J-{round}", Silo.Erp);
            var budget = await Silo.SentBudgetAsync(project);

            var decisions = await Task.WhenAll(
                Decide("ap1", () => budget.AcceptAsync(1)),
                Decide("ap2", () => budget.RejectAsync(1, "Over budget")));

            Assert.Single(decisions, d => d is null);
            var loser = Assert.Single(decisions, d => d is not null)!;
            Assert.Equal(WorkflowErrorCode.AlreadyDecided, loser.Code);
            Assert.Matches("already (accepted by ap1|rejected by ap2)", loser.Message);
        }
    }

    [Fact]
    public async Task Exports_of_one_erp_company_never_overlap_while_two_companies_run_in_parallel()
    {
        Silo.Spectrum.Latency = TimeSpan.FromMilliseconds(10);
        await Silo.SetUpCompanyAsync("globex", ErpSystem.Spectrum, "002");
        var acme = Silo.Spectrum.Company("001");
        var globex = Silo.Spectrum.Company("002").WithCostCodes("03-300", "05-100");
        var budgets = new List<(IBudgetGrain Budget, string Company)>();
        for (var i = 0; i < 12; i++)
        {
            foreach (var (company, erp) in new[] { (WorkflowSilo.Company, acme), ("globex", globex) })
            {
                await Silo.AddProjectAsync($"p-{i}", $"J-{i}", erp, company);
                budgets.Add((await Silo.SentBudgetAsync($"p-{i}", company), company));
            }
        }

        await Task.WhenAll(budgets.Select(b => Task.Run(async () =>
        {
            WorkflowSilo.ActAs("ap1", b.Company);
            await b.Budget.AcceptAsync(1);
            Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(b.Budget)).Status);
        })));

        Assert.Equal((1, 1), (acme.MaxConcurrentCalls, globex.MaxConcurrentCalls));
        Assert.Equal((12, 12), (acme.PostingsApplied, globex.PostingsApplied));
        Assert.Equal(2, Silo.Spectrum.MaxConcurrentCallsOverall);
    }

    private static Task<WorkflowException?> Decide(string approver, Func<Task> decision) => Task.Run(async () =>
    {
        WorkflowSilo.ActAs(approver);
        try
        {
            await decision();
            return null;
        }
        catch (WorkflowException refused)
        {
            return refused;
        }
    });
}
