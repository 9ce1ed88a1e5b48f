"""The provider area: training providers sign in and publish their own courses."""
