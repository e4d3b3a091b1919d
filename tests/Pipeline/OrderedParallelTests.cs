using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Tests.Pipeline;

/// <summary>Regions run side by side report the error a run in turn would have met first, unwrapped.</summary>
public sealed class OrderedParallelTests
{
    [Fact]
    public void TheLowestFailingItemsErrorIsRethrownAsItself_WhateverFinishesFirst()
    {
        for (int round = 0; round < 20; round++)
        {
            var e = Assert.Throws<InputException>(() => OrderedParallel.For(10, 4, i =>
            {
                if (i == 7) throw new InputException("item 7");
                if (i == 3)
                {
                    Thread.Sleep(5); // finishes after item 7 has failed
                    throw new InputException("item 3");
                }
            }));
            Assert.Contains("item 3", e.Message);
        }
    }

    [Fact]
    public void EveryItemRuns_WhenNoneFails()
    {
        var seen = new int[50];
        OrderedParallel.For(seen.Length, 2, i => Interlocked.Increment(ref seen[i]));
        Assert.All(seen, n => Assert.Equal(1, n));
    }

    [Fact]
    public void AHigherItemFailingFirst_DoesNotHideTheLowerItemsError()
    {
        for (int round = 0; round < 10; round++)
        {
            var e = Assert.Throws<InputException>(() => OrderedParallel.For(10, 2, i =>
            {
                if (i == 0) Thread.Sleep(20); // holds back items 1 and 2 on its worker while item 6 fails on the other
                if (i == 2) throw new InputException("item 2");
                if (i == 6) throw new InputException("item 6");
            }));
            Assert.Contains("item 2", e.Message);
        }
    }
}
