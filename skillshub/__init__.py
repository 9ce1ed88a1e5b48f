"""Skills Hub: employer-friendly search over higher technical education in England."""
