namespace BudgetActors.Grains.Domain;

/// <summary>Amounts are money: at most two decimal places, within what an ERP column holds.</summary>
internal static class Money
{
    private const decimal Largest = 999_999_999_999.99m;

    /// <summary>Refuses an amount with more than two decimals, beyond the largest, or negative unless <paramref name="mayBeNegative"/>.</summary>
    public static decimal Check(decimal amount, string what, bool mayBeNegative)
    {
        if (decimal.Round(amount, 2) != amount)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidAmount, $"{what} {amount} has more than two decimal places.");
        }

        if (!mayBeNegative && amount < 0)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidAmount, $"{what} cannot be negative ({amount}).");
        }

        if (Math.Abs(amount) > Largest)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidAmount, $"{what} {amount} is larger than {Largest:N2}.");
        }

        return amount;
    }
}
