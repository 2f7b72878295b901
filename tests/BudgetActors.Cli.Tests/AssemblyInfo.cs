// The tests of a class share one silo process; classes run one at a time to spare the 2-core machines.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
