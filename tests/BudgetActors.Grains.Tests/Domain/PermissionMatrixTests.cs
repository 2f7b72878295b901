using static BudgetActors.Grains.Tests.Budgets;
using static BudgetActors.Grains.Tests.People;

namespace BudgetActors.Grains.Tests;

/// <summary>Every operation against every kind of user: who may, and who is refused with PermissionDenied.</summary>
public sealed class PermissionMatrixTests
{
    private static readonly Dictionary<string, CompanyUser> s_users = new()
    {
        ["project manager (Budget Admin)"] = ProjectManager,
        ["Budget Standard"] = BudgetStandard,
        ["Read Only"] = ReadOnlyUser,
        ["approver (privilege + ERP Standard)"] = Approver,
        ["approver (privilege + ERP Admin)"] = SecondApprover,
        ["ERP Admin without privilege"] = ErpAdminWithoutPrivilege,
        ["privilege with ERP Read Only"] = PrivilegeButReadOnly,
    };

    private static readonly Dictionary<string, Func<CompanyUser, BudgetState>> s_operations = new()
    {
        ["create"] = u => new BudgetState().Create(u, Monday),
        ["add line"] = u => Unlocked().AddLine(new BudgetLine("09-900", "L", "Paint", 1m), u, Monday),
        ["update line"] = u => Unlocked().UpdateLine(Concrete with { OriginalAmount = 1m }, u, Monday),
        ["remove line"] = u => Unlocked().RemoveLine(Concrete.Key, u, Monday),
        ["add budget change"] = u => Locked().AddChange(new BudgetChange("BC-9", "03-300", "M", 1m, ""), u, Monday),
        ["lock"] = u => Unlocked().Lock(u, Monday),
        ["unlock"] = u => Locked().Unlock(u, syncedBack: false, Monday),
        ["send"] = u => Locked().Send(u, ErpKnows("03-300", "05-100"), Monday),
        ["retrieve"] = u => Pending().Retrieve(u, Monday),
        ["accept"] = u => Pending().Accept(u, 1, Monday),
        ["reject"] = u => Pending().Reject(u, 1, "no", Monday),
        ["retry export"] = u => Failed().RetryExport(u, 1, Monday),
        ["import"] = u => Unlocked().Import(u, ErpSystem.Spectrum, SyncedJob, [new("01-000", "L", "General", 1m, 0m)], ImportMode.Keep, Monday),
    };

    private static readonly string[] s_budgetAdminOperations = ["create", "add line", "update line", "remove line", "add budget change", "lock", "unlock", "send", "retrieve"];
    private static readonly string[] s_approverOperations = ["accept", "reject", "retry export"];

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var operation in s_operations.Keys)
        {
            foreach (var (name, user) in s_users)
            {
                var allowed = s_budgetAdminOperations.Contains(operation) ? user.BudgetTool == ToolPermission.Admin
                    : s_approverOperations.Contains(operation) ? user.IsAccountingApprover
                    : user.ErpTool >= ToolPermission.Standard;
                data.Add(operation, name, allowed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_operation_is_allowed_exactly_to_the_users_the_directory_says(string operation, string user, bool allowed)
    {
        var attempt = () => s_operations[operation](s_users[user]);

        if (allowed)
        {
            attempt();
        }
        else
        {
            Assert.Equal(WorkflowErrorCode.PermissionDenied, Assert.Throws<WorkflowException>(() => attempt()).Code);
        }
    }
}
