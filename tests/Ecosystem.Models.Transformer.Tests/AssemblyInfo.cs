// TorchSharp's tensor count is one for the process, and a test asserts that training releases every tensor it made:
// another test class making tensors at the same time would be counted with it. The classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
