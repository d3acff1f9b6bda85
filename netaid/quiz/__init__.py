"""Quizzes: question types, rounds, generated questions, the progress store and its statistics."""
