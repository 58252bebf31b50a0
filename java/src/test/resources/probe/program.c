/* A program for the probe to meet: built with -no-pie it is an ET_EXEC that dlopen refuses. */
int main(void) {
    return 0;
}
