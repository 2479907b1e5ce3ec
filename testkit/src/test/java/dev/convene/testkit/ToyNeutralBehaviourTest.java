package dev.convene.testkit;

/** The reference provider behaves the neutral way: its meetings keep and list cancelled sessions, its webinars are deleted. */
class ToyNeutralBehaviourTest extends NeutralBehaviourContract {
    @Override
    protected String providerId() {
        return "toy";
    }
}
