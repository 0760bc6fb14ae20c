package org.tribune.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;

@IntegrationTest
class AdmissionServiceIntegrationTest {
    @Autowired
    AdmissionService admission;
    @Autowired
    DailyAdmission daily;
    @Autowired
    Waitlist waitlist;
    @Autowired
    Members members;

    /** Every test leaves the gates open, as the other tests of the run expect. */
    @AfterEach
    void openGates() {
        admission.setDailyQuota(null, 0);
    }

    /** Admits everyone waiting so far, so a test knows the whole queue. */
    void drain() {
        admission.setDailyQuota(null, 0);
        assertThat(admission.run(Days.unused()).ran()).isTrue();
        // Suspended people keep their place through a run; set them aside so the test knows the whole queue.
        waitlist.first(10_000).forEach(e -> waitlist.remove(e.accountId()));
        assertThat(admission.waiting()).isZero();
    }

    List<Account> waitingPeople(int count, int quota) {
        admission.setDailyQuota(quota, 0);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> members.verified("wait" + i)).toList();
    }

    AccountState stateOf(Account a) {
        return members.reload(a).state();
    }

    @Test
    void openGatesAdmitAtVerification() {
        admission.setDailyQuota(null, 0);
        Account ana = members.verified("open");

        assertThat(ana.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(admission.position(ana.id())).isEmpty();
    }

    @Test
    void minusOneMeansUnlimitedToo() {
        admission.setDailyQuota(-1, 0);
        assertThat(admission.dailyQuota()).isNull();
        assertThat(members.verified("minus").state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void withAQuotaVerifiedPeopleWaitInLine() {
        drain();
        List<Account> people = waitingPeople(3, 5);

        assertThat(people).extracting(Account::state).containsOnly(AccountState.WAITING);
        assertThat(people).extracting(a -> admission.position(a.id()).getAsLong()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theDailyRunAdmitsExactlyTheQuotaDonorsThenInvitedThenByVerificationTime() {
        drain();
        List<Account> p = waitingPeople(6, 3);
        waitlist.markInvited(p.get(4).id());
        waitlist.markDonor(p.get(5).id());
        assertThat(admission.position(p.get(5).id())).hasValue(1);
        assertThat(admission.position(p.get(4).id())).hasValue(2);
        assertThat(admission.position(p.get(0).id())).hasValue(3);

        AdmissionService.RunOutcome outcome = admission.run(Days.unused());

        assertThat(outcome.ran()).isTrue();
        assertThat(outcome.admitted()).isEqualTo(3);
        assertThat(List.of(p.get(5), p.get(4), p.get(0))).extracting(this::stateOf).containsOnly(AccountState.ACTIVE);
        assertThat(List.of(p.get(1), p.get(2), p.get(3))).extracting(this::stateOf).containsOnly(AccountState.WAITING);
        assertThat(List.of(p.get(1), p.get(2), p.get(3))).extracting(a -> admission.position(a.id()).getAsLong())
                .containsExactly(1L, 2L, 3L);
        assertThat(TestMail.await(p.get(5).email(), 2).subject()).isEqualTo("You are in: welcome to Tribune");
        assertThat(TestMail.await(p.get(0).email(), 2).body()).contains("@" + p.get(0).handle()).contains("/");
        assertThat(admission.runs()).extracting(AdmissionRun::day).contains(outcome.day());
    }

    @Test
    void anAdmittedPersonGetsTheMailInTheirLanguage() {
        drain();
        admission.setDailyQuota(1, 0);
        Account unverified = members.unverified("fr");
        Account fr = members.verify(unverified);
        assertThat(fr.state()).isEqualTo(AccountState.WAITING);
        preferences.updatePreferences(fr.id(), "fr", "UTC");

        admission.run(Days.unused());

        assertThat(TestMail.await(fr.email(), 2).subject()).isEqualTo("Vous êtes entré : bienvenue sur Tribune");
    }

    @Autowired
    org.tribune.account.AccountService preferences;

    @Test
    void runningTheSameDayAgainAdmitsNobodyMore() {
        drain();
        List<Account> p = waitingPeople(4, 2);
        LocalDate day = Days.unused();

        assertThat(admission.run(day).admitted()).isEqualTo(2);
        AdmissionService.RunOutcome again = admission.run(day);

        assertThat(again.ran()).isFalse();
        assertThat(again.admitted()).isZero();
        assertThat(p).extracting(this::stateOf).containsExactly(AccountState.ACTIVE, AccountState.ACTIVE,
                AccountState.WAITING, AccountState.WAITING);
        assertThat(admission.run(Days.unused()).admitted()).isEqualTo(2); // the next day comes, and admits
    }

    @Test
    void twoNodesRunningTheSameDayAtOnceAdmitTheQuotaOnce() throws Exception {
        drain();
        List<Account> p = waitingPeople(5, 2);
        LocalDate day = Days.unused();
        CountDownLatch start = new CountDownLatch(1);
        Callable<AdmissionService.RunOutcome> node = () -> {
            start.await();
            return daily.run(day);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<AdmissionService.RunOutcome> a = pool.submit(node);
            Future<AdmissionService.RunOutcome> b = pool.submit(node);
            start.countDown();
            AdmissionService.RunOutcome first = a.get();
            AdmissionService.RunOutcome second = b.get();

            assertThat(first.admitted() + second.admitted()).isEqualTo(2);
            assertThat(List.of(first.ran(), second.ran())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(p).extracting(this::stateOf).containsExactly(AccountState.ACTIVE, AccountState.ACTIVE,
                AccountState.WAITING, AccountState.WAITING, AccountState.WAITING);
    }

    @Test
    void aClosedGateAdmitsNobody() {
        drain();
        List<Account> p = waitingPeople(3, 0);

        AdmissionService.RunOutcome outcome = admission.run(Days.unused());

        assertThat(outcome.ran()).isTrue();
        assertThat(outcome.admitted()).isZero();
        assertThat(p).extracting(this::stateOf).containsOnly(AccountState.WAITING);
    }

    @Test
    void openingTheGatesAdmitsEveryoneWaitingAtOnceAndMailsThem() {
        drain();
        List<Account> p = waitingPeople(3, 0);

        admission.setDailyQuota(null, 0); // no daily run in between

        assertThat(p).extracting(this::stateOf).containsOnly(AccountState.ACTIVE);
        assertThat(admission.waiting()).isZero();
        assertThat(p).allSatisfy(a -> assertThat(TestMail.await(a.email(), 2).subject())
                .isEqualTo("You are in: welcome to Tribune"));
    }

    @Test
    void settingANumberAdmitsNobodyBeforeTheDailyRun() {
        drain();
        List<Account> p = waitingPeople(2, 0);

        admission.setDailyQuota(5, 0);

        assertThat(p).extracting(this::stateOf).containsOnly(AccountState.WAITING);
    }

    @Test
    void aDonorIsAdmittedAtOnceAndGetsTheMail() {
        drain();
        List<Account> p = waitingPeople(2, 0);

        admission.markDonor(p.get(1).id());
        admission.markDonor(p.get(1).id()); // a second confirmation changes nothing

        assertThat(stateOf(p.get(1))).isEqualTo(AccountState.ACTIVE);
        assertThat(stateOf(p.get(0))).isEqualTo(AccountState.WAITING);
        assertThat(TestMail.await(p.get(1).email(), 2).subject()).isEqualTo("You are in: welcome to Tribune");
    }

    @Test
    void aDonorWhoVerifiesLaterIsAdmittedAtVerification() {
        admission.setDailyQuota(0, 0);
        Account unverified = members.unverified("early");
        admission.markDonor(unverified.id());

        assertThat(members.verify(unverified).state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void admittingIsIdempotentAndLeavesTheQueue() {
        drain();
        Account ana = waitingPeople(1, 0).getFirst();

        assertThat(preferences.admit(ana.id())).isTrue();
        assertThat(preferences.admit(ana.id())).isFalse();
        assertThat(admission.position(ana.id())).isEmpty();
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void aSuspendedWaitingPersonKeepsTheirPlaceButIsNotAdmitted() {
        drain();
        List<Account> p = waitingPeople(2, 1);
        members.suspend(p.get(0));

        assertThat(admission.run(Days.unused()).admitted()).isEqualTo(1);

        assertThat(stateOf(p.get(0))).isEqualTo(AccountState.SUSPENDED);
        assertThat(stateOf(p.get(1))).isEqualTo(AccountState.ACTIVE);
        assertThat(waitlist.of(p.get(0).id())).isPresent();
    }

    @Autowired
    AdmissionAdministration administration;

    @Test
    @org.springframework.security.test.context.support.WithMockUser(roles = "ADMIN")
    void theQueueIsPagedInOrderWithExactPlaces() {
        drain();
        List<QueueEntry> entries = new java.util.ArrayList<>();
        java.time.Instant at = java.time.Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < 60; i++) {
            entries.add(new QueueEntry(8_000_000_000_000_000_000L + i, at.plusSeconds(i / 3), i % 17 == 0, i % 5 == 0));
        }
        entries.forEach(waitlist::add);
        try {
            AdmissionAdministration.QueuePage first = administration.queue(null);
            assertThat(first.people()).hasSize(AdmissionService.PAGE_SIZE);
            assertThat(first.next()).isNotNull();
            AdmissionAdministration.QueuePage second = administration.queue(first.next());
            assertThat(second.people()).hasSize(10);
            assertThat(second.next()).isNull();

            List<AdmissionAdministration.Waiting> all = new java.util.ArrayList<>(first.people());
            all.addAll(second.people());
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).position()).isEqualTo(i + 1);
                assertThat(admission.position(all.get(i).entry().accountId())).hasValue(i + 1);
            }
            assertThat(all.subList(0, 4)).extracting(w -> w.entry().donor()).containsOnly(true);
            assertThat(all.stream().map(w -> w.entry().accountId()).distinct().count()).isEqualTo(60);
        } finally {
            entries.forEach(e -> waitlist.remove(e.accountId()));
        }
    }

    @Test
    void quotasOutOfRangeAreRefused() {
        for (int bad : new int[] {-2, -100, AdmissionService.QUOTA_MAX + 1}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> admission.setDailyQuota(bad, 0))
                    .isInstanceOf(org.tribune.platform.InvalidInput.class);
        }
    }
}
