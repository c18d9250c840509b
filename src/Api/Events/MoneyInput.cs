using GraphQL.Types;
using TicketMaster.Common;

namespace TicketMaster.Api.Events;

/// <summary>An amount a client sends (a price limit): the input twin of <c>Money</c>, so no bare decimal is public.</summary>
public sealed record MoneyInput(decimal Amount, string Currency)
{
    /// <summary>The amount as <see cref="Money"/>; an invalid currency code throws <see cref="InvalidCurrencyException"/>.</summary>
    public Money ToMoney() => new(Amount, Currency);
}

public sealed class MoneyInputType : InputObjectGraphType<MoneyInput>
{
    public MoneyInputType()
    {
        Name = "MoneyInput";
        Description = "An amount in one currency, as `Money` reads: `{ amount: 50, currency: \"EUR\" }`. Prices are never converted between currencies.";
        Field(m => m.Amount).Description("In the currency's major unit (49.5 is €49.50).");
        Field(m => m.Currency).Description("ISO 4217 code in upper case, e.g. EUR; anything else is an `INVALID_CURRENCY` error.");
    }
}
