using System.Globalization;
using TicketMaster.Common;

namespace TicketMaster.Payments.Stripe;

/// <summary>
/// Stripe counts money in the currency's smallest unit: cents for USD, yen for JPY (zero-decimal),
/// fils for KWD (three decimals). Sending 1500 for ¥1,500 or 150000 would charge a hundred times too
/// much or too little, so the table is Stripe's own (docs.stripe.com/currencies).
/// </summary>
public static class StripeAmounts
{
    private static readonly HashSet<string> ZeroDecimal =
        ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly HashSet<string> ThreeDecimal = ["BHD", "JOD", "KWD", "OMR", "TND"];

    public static int DecimalsOf(string currency) =>
        ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>The amount in minor units; an amount finer than the currency allows is refused, never rounded.</summary>
    public static long ToMinorUnits(Money money)
    {
        var minor = money.Amount * Pow10(DecimalsOf(money.Currency));
        if (minor != decimal.Truncate(minor))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{money.Amount} {money.Currency} has more decimals than {money.Currency} allows."), nameof(money));
        }

        return (long)minor;
    }

    public static Money FromMinorUnits(long amount, string stripeCurrency)
    {
        var currency = stripeCurrency.ToUpperInvariant();
        return new Money(amount / Pow10(DecimalsOf(currency)), currency);
    }

    private static decimal Pow10(int decimals) => decimals switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
