"""Tests for Skills Hub."""
