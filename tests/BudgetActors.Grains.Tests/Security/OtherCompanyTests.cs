namespace BudgetActors.Grains.Tests;

/// <summary>
/// A user of one company reaches nothing of another through any client-facing grain. Every method of every
/// such interface is called, found by reflection, so a method added later is covered without a test of its own.
/// </summary>
public sealed class OtherCompanyTests : MemoryWorkflowTest
{
    private const string Other = "globex";

    /// <summary>The grain interfaces client apps call, and the acme grain each is called on.</summary>
    private static readonly (Type Interface, string Key)[] s_acmeGrains =
    [
        (typeof(IBudgetGrain), BudgetKey.Of(WorkflowSilo.Company, WorkflowSilo.Project)),
        (typeof(IApproverGrain), $"{WorkflowSilo.Company}:ap1"),
        (typeof(ICompanyGrain), WorkflowSilo.Company),
        (typeof(IErpGatewayGrain), "spectrum:001"),
        (typeof(ICompanyActivityGrain), WorkflowSilo.Company),
        (typeof(ICompanyRegistryGrain), CompanyRegistry.Key),
    ];

    public static TheoryData<string, string> Methods()
    {
        var methods = new TheoryData<string, string>();
        foreach (var (grain, _) in s_acmeGrains)
        {
            foreach (var method in grain.GetMethods())
            {
                methods.Add(grain.Name, method.Name);
            }
        }

        return methods;
    }

    [Fact]
    public void Every_grain_interface_of_the_contract_is_covered()
    {
        var covered = s_acmeGrains.Select(g => g.Interface).ToHashSet();
        var all = typeof(IBudgetGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t));

        Assert.All(all, grain => Assert.Contains(grain, covered));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Another_companys_admin_is_refused(string grainInterface, string methodName)
    {
        await Silo.SetUpCompanyAsync(Other, ErpSystem.Spectrum, "002");
        var budget = await Silo.SentBudgetAsync(); // acme's grains hold something to take
        var (type, key) = s_acmeGrains.Single(g => g.Interface.Name == grainInterface);
        var method = type.GetMethod(methodName)!;
        var grain = Silo.Client.GetGrain(type, key);

        WorkflowSilo.ActAs("admin", Other);
        var call = (Task)method.Invoke(grain, [.. method.GetParameters().Select(p => Default(p.ParameterType))])!;
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => call);

        Assert.Equal(WorkflowErrorCode.PermissionDenied, refused.Code);
        WorkflowSilo.ActAs("pm");
        Assert.Equal(BudgetStatus.PendingAcceptance, (await budget.GetAsync()).Status);
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : type == typeof(string) ? "" : null;
}
