"""A printed handout: one model (`model`), drawn as HTML (`html`) or PDF (`pdf`)."""
