; Each block folds to its header line.
(block) @fold
