int main() { return 1; } // Being written (issue 3).
