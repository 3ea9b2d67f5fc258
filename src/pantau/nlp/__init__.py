"""Language-neutral text processing: sentences and tokens with character offsets."""
