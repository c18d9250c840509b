using System.ComponentModel;
using System.Globalization;

namespace TicketMaster.Common;

/// <summary>An amount in one ISO 4217 currency. Amounts of different currencies never mix.</summary>
public readonly record struct Money
{
    // Explicit, so JSON (the Redis bus carries refunds in HoldChange) builds it through its checks.
    [System.Text.Json.Serialization.JsonConstructor]
    public Money(decimal amount, string currency)
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidCurrencyException(currency);
        }

        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new CurrencyMismatchException(left.Currency, right.Currency);
        }

        return new Money(left.Amount + right.Amount, left.Currency);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");
}

[Description("`currency` is not an ISO 4217 currency code: three upper-case letters, such as EUR.")]
public sealed class InvalidCurrencyException(string? currency)
    : DomainException($"'{currency}' is not an ISO 4217 currency code (three upper-case letters).")
{
    [Description("The code that was given.")]
    public string Currency { get; } = currency ?? "";
}

public sealed class CurrencyMismatchException(string left, string right)
    : DomainException($"Cannot combine amounts in {left} and {right}.");
