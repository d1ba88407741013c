//! Tests of pallet-governance.

// The fee-less vote path is `ValidateUnsigned` (see the pallet), deprecated upstream.
#![allow(deprecated)]

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, fungible::Mutate as _, Hooks},
};
use sp_runtime::{
	traits::{BadOrigin, Hash as _},
	transaction_validity::{InvalidTransaction, TransactionSource},
	BuildStorage as _, DispatchError, Perbill,
};

type Gov = Governance;

fn remark(text: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: text.to_vec() })
}

fn inline(call: RuntimeCall) -> Box<BoundedCallOf<Test>> {
	Box::new(Bounded::Inline(call.encode().try_into().unwrap()))
}

/// Notes `call` as a preimage (by Alice) and returns its bounded lookup.
fn noted(call: RuntimeCall) -> Box<BoundedCallOf<Test>> {
	let bytes = call.encode();
	assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(alice()), bytes.clone()));
	Box::new(Bounded::Lookup {
		hash: <Test as frame_system::Config>::Hashing::hash(&bytes),
		len: bytes.len() as u32,
	})
}

/// Submits `call` under `class` as `who`; returns the index.
fn submit(who: AccountId, call: RuntimeCall, class: ClassId) -> ProposalIndex {
	let index = ProposalCount::<Test>::get();
	assert_ok!(Gov::submit(RuntimeOrigin::signed(who), noted(call), class, None));
	index
}

fn vote(who: AccountId, index: ProposalIndex, choice: VoteChoice) {
	assert_ok!(Gov::vote(RuntimeOrigin::signed(who), index, choice));
}

fn proposal(index: ProposalIndex) -> ProposalInfoOf<Test> {
	ProposalOf::<Test>::get(index).unwrap()
}

fn signed(
	key: Key,
	index: ProposalIndex,
	choice: VoteChoice,
	nonce: VoteNonce,
) -> SignedVoteOf<Test> {
	let payload = Gov::api_vote_payload(index, choice, nonce).unwrap().encode();
	SignedVote { voter: key.account(), choice, nonce, signature: key.sign(&payload) }
}

fn held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::SubmissionDeposit.into(), who)
}

fn batch(votes: Vec<SignedVoteOf<Test>>) -> BoundedVec<SignedVoteOf<Test>, ConstU32<16>> {
	votes.try_into().unwrap()
}

use frame_support::traits::ConstU32;
use VoteChoice::*;

// ----- submission -----

#[test]
fn submit_works() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(3);
		let call = remark(b"hello");
		let index = submit(alice(), call.clone(), ROOT);
		assert_eq!(index, 0);
		System::assert_last_event(
			Event::Submitted { index, proposer: alice(), class: ROOT, snapshot: 2, voting_end: 13 }
				.into(),
		);
		let p = proposal(0);
		assert_eq!(p.electorate, 11_000);
		assert_eq!(p.snapshot, 2);
		assert_eq!(p.voting_end, 13);
		assert_eq!(p.call_hash, <Test as frame_system::Config>::Hashing::hash(&call.encode()));
		assert_eq!(p.thresholds, genesis_classes()[0].1.thresholds);
		assert_eq!(p.status, ProposalStatus::Ongoing);
		assert!(p.tally.is_empty());
		assert_eq!(held(&alice()), 100);
		assert_eq!(ProposalCount::<Test>::get(), 1);
		assert_eq!(EndingAt::<Test>::get(13).into_inner(), vec![0]);
		// The preimage is requested while the proposal is open.
		assert!(Preimage::is_requested(&p.call.hash()));
	});
}

#[test]
fn submit_inline_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Gov::submit(RuntimeOrigin::signed(bob()), inline(remark(b"x")), ROOT, None));
		assert_eq!(proposal(0).proposer, bob());
	});
}

#[test]
fn submit_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let call = remark(b"x");
		assert_noop!(
			Gov::submit(RuntimeOrigin::none(), inline(call.clone()), ROOT, None),
			BadOrigin
		);
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(call.clone()), 9, None),
			Error::<Test>::ClassNotFound
		);
		// Not noted.
		let missing = Box::new(Bounded::Lookup { hash: [7u8; 32].into(), len: 10 });
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), missing, ROOT, None),
			Error::<Test>::CallUnavailable
		);
		// Noted but not a call.
		let garbage = vec![0xff; 40];
		assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(alice()), garbage.clone()));
		let lookup = Box::new(Bounded::Lookup {
			hash: <Test as frame_system::Config>::Hashing::hash(&garbage),
			len: 40,
		});
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), lookup, ROOT, None),
			Error::<Test>::CallUnavailable
		);
		// A call that needs the upgrade class, under the root class: too weak.
		let upgrade = RuntimeCall::System(frame_system::Call::set_code { code: vec![1, 2, 3] });
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(upgrade.clone()), ROOT, None),
			Error::<Test>::ClassTooWeak
		);
		// ... and under STRICT_ROOT: strict enough, but another origin.
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(upgrade), STRICT_ROOT, None),
			Error::<Test>::ClassTooWeak
		);
		// Looser thresholds than the class's.
		let looser = Thresholds {
			min_approval: Perbill::from_percent(50),
			min_turnout: Perbill::from_percent(50),
			min_voters: 1,
		};
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(call.clone()), ROOT, Some(looser)),
			Error::<Test>::LooserThresholds
		);
		// No funds for the deposit.
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(eve()), inline(call), ROOT, None),
			DispatchError::Token(sp_runtime::TokenError::FundsUnavailable)
		);
	});
}

#[test]
fn submit_with_empty_electorate_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// Burn everything at block 1; the snapshot of a block-2 submission is then empty.
		for key in [Key::Alice, Key::Bob, Key::Charlie, Key::Dave, Key::Ed, Key::Ec] {
			Balances::set_balance(&key.account(), 0);
		}
		run_to_block(2);
		assert_ok!(Balances::mint_into(&alice(), 1000));
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(remark(b"x")), ROOT, None),
			Error::<Test>::EmptyElectorate
		);
	});
}

#[test]
fn stricter_class_and_thresholds_work() {
	ExtBuilder::default().build_and_execute(|| {
		// A root call under the stricter root class.
		let index = submit(alice(), remark(b"strict"), STRICT_ROOT);
		assert_eq!(proposal(index).class, STRICT_ROOT);
		assert_eq!(proposal(index).voting_end, 21);
		// Stricter thresholds asked by the proposer.
		let stricter = Thresholds {
			min_approval: Perbill::from_percent(90),
			min_turnout: Perbill::from_percent(50),
			min_voters: 3,
		};
		assert_ok!(Gov::submit(
			RuntimeOrigin::signed(alice()),
			inline(remark(b"x")),
			ROOT,
			Some(stricter)
		));
		assert_eq!(proposal(1).thresholds, stricter);
	});
}

#[test]
fn full_end_block_neither_moves_nor_blocks_a_decision() {
	ExtBuilder::default().build_and_execute(|| {
		// An attacker fills the victim's end block (MaxEndingPerBlock is 3) with refundable
		// deposits; the victim's proposal keeps its end and is decided by anyone.
		for _ in 0..3 {
			submit(dave(), remark(b"spam"), ROOT);
		}
		let victim = submit(alice(), remark(b"x"), ROOT);
		assert_eq!(EndingAt::<Test>::get(11).into_inner(), vec![0, 1, 2]);
		assert_eq!(proposal(victim).voting_end, 11, "the end is not postponed");
		vote(bob(), victim, Aye);
		vote(charlie(), victim, Aye);
		// Not before the end.
		assert_noop!(
			Gov::decide(RuntimeOrigin::signed(eve()), victim),
			Error::<Test>::NotDecidable
		);
		run_to_block(11);
		assert_eq!(proposal(0).status, ProposalStatus::Rejected);
		assert_eq!(proposal(victim).status, ProposalStatus::Ongoing);
		assert!(Gov::proposal_summary(victim).unwrap().awaiting_decision);
		// Voting has ended for it too.
		assert_noop!(
			Gov::vote(RuntimeOrigin::signed(dave()), victim, Nay),
			Error::<Test>::VotingClosed
		);
		// Anyone decides it, free of fees.
		let info = Gov::decide(RuntimeOrigin::signed(eve()), victim).unwrap();
		assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(proposal(victim).status, ProposalStatus::Approved { enact_at: 13 });
		assert_eq!(held(&alice()), 0);
		// Only once; booked ones are decided by the hook, not by `decide`.
		assert_noop!(
			Gov::decide(RuntimeOrigin::signed(eve()), victim),
			Error::<Test>::NotDecidable
		);
		assert_noop!(Gov::decide(RuntimeOrigin::signed(eve()), 0), Error::<Test>::NotDecidable);
		assert_noop!(Gov::decide(RuntimeOrigin::signed(eve()), 9), Error::<Test>::ProposalNotFound);
		assert_noop!(Gov::decide(RuntimeOrigin::none(), victim), BadOrigin);
		run_to_block(13);
		assert_eq!(proposal(victim).status, ProposalStatus::Enacted { ok: false });
	});
}

// ----- voting -----

#[test]
fn vote_works() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		vote(bob(), index, Aye);
		System::assert_last_event(
			Event::Voted { index, voter: bob(), choice: Aye, power: 2000 }.into(),
		);
		vote(charlie(), index, Nay);
		vote(dave(), index, Abstain);
		assert_eq!(proposal(index).tally, Tally { aye: 2000, nay: 3000, abstain: 4000, voters: 3 });
		// Voting again replaces the earlier vote.
		vote(charlie(), index, Aye);
		assert_eq!(proposal(index).tally, Tally { aye: 5000, nay: 0, abstain: 4000, voters: 3 });
		assert_eq!(
			VoteOf::<Test>::get(index, charlie()).and_then(|r| r.vote),
			Some(Vote { choice: Aye, power: 3000 })
		);
	});
}

#[test]
fn vote_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		assert_noop!(Gov::vote(RuntimeOrigin::none(), index, Aye), BadOrigin);
		assert_noop!(
			Gov::vote(RuntimeOrigin::signed(bob()), 7, Aye),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(
			Gov::vote(RuntimeOrigin::signed(eve()), index, Aye),
			Error::<Test>::NoVotingPower
		);
		run_to_block(11);
		assert_noop!(
			Gov::vote(RuntimeOrigin::signed(bob()), index, Aye),
			Error::<Test>::VotingClosed
		);
	});
}

#[test]
fn remove_vote_works() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		vote(bob(), index, Aye);
		vote(charlie(), index, Nay);
		assert_ok!(Gov::remove_vote(RuntimeOrigin::signed(bob()), index));
		System::assert_last_event(Event::VoteRemoved { index, voter: bob() }.into());
		assert_eq!(proposal(index).tally, Tally { aye: 0, nay: 3000, abstain: 0, voters: 1 });
		assert_noop!(
			Gov::remove_vote(RuntimeOrigin::signed(bob()), index),
			Error::<Test>::NotVoted
		);
		assert_noop!(
			Gov::remove_vote(RuntimeOrigin::signed(bob()), 9),
			Error::<Test>::ProposalNotFound
		);
		// After the end the vote can be cleared without touching the final tally.
		run_to_block(11);
		assert_ok!(Gov::remove_vote(RuntimeOrigin::signed(charlie()), index));
		assert_eq!(proposal(index).tally, Tally { aye: 0, nay: 3000, abstain: 0, voters: 1 });
	});
}

#[test]
fn moving_tokens_after_the_snapshot_does_not_double_vote() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		let index = submit(alice(), remark(b"x"), ROOT);
		vote(bob(), index, Aye);
		let before = proposal(index).tally;
		// Bob moves everything to Eve after the snapshot; Eve has no power on this proposal.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(bob()), eve(), 1900));
		assert_noop!(
			Gov::vote(RuntimeOrigin::signed(eve()), index, Aye),
			Error::<Test>::NoVotingPower
		);
		// Bob still votes with his snapshot power.
		vote(bob(), index, Aye);
		assert_eq!(proposal(index).tally, before);
		// Even in the block after, with more tokens: still the snapshot's power.
		run_to_block(6);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(dave()), bob(), 3000));
		vote(bob(), index, Aye);
		assert_eq!(proposal(index).tally, before);
	});
}

// ----- signed vote messages -----

#[test]
fn signed_votes_of_each_key_type_work() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let votes = vec![
			signed(Key::Bob, index, Aye, 0),
			signed(Key::Ed, index, Nay, 0),
			signed(Key::Ec, index, Abstain, 0),
		];
		assert_ok!(Gov::submit_signed_votes(RuntimeOrigin::signed(dave()), index, batch(votes)));
		assert_eq!(proposal(index).tally, Tally { aye: 2000, nay: 500, abstain: 500, voters: 3 });
		System::assert_last_event(
			Event::Voted { index, voter: Key::Ec.account(), choice: Abstain, power: 500 }.into(),
		);
		assert_eq!(Gov::next_nonce(index, &bob()), 1);
	});
}

#[test]
fn wrapped_signed_vote_works() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let payload = Gov::api_vote_payload(index, Aye, 0).unwrap().encode();
		let mut wrapped = b"<Bytes>".to_vec();
		wrapped.extend_from_slice(&payload);
		wrapped.extend_from_slice(b"</Bytes>");
		let vote =
			SignedVote { voter: bob(), choice: Aye, nonce: 0, signature: Key::Bob.sign(&wrapped) };
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![vote])
		));
		assert_eq!(proposal(index).tally.aye, 2000);
	});
}

#[test]
fn bad_signed_votes_are_rejected_with_reason() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let other = submit(alice(), remark(b"y"), ROOT);
		let genesis = System::block_hash(0);
		let p = proposal(index);
		let payload_with = |genesis_hash, choice| {
			VotePayload {
				domain: VOTE_DOMAIN,
				genesis_hash,
				pallet_index: 4,
				proposal: index,
				call_hash: p.call_hash,
				choice,
				nonce: 0,
			}
			.encode()
		};
		// Sanity: the payload built by hand equals the pallet's.
		assert_eq!(
			payload_with(genesis, Aye),
			Gov::api_vote_payload(index, Aye, 0).unwrap().encode()
		);

		let for_other = SignedVote { voter: bob(), ..signed(Key::Bob, other, Aye, 0) };
		let other_chain = SignedVote {
			voter: charlie(),
			choice: Aye,
			nonce: 0,
			signature: Key::Charlie.sign(&payload_with([9u8; 32].into(), Aye)),
		};
		let other_choice = SignedVote { choice: Nay, ..signed(Key::Dave, index, Aye, 0) };
		let wrong_signer = SignedVote { voter: alice(), ..signed(Key::Bob, index, Aye, 0) };
		let no_power = signed(Key::Eve, index, Aye, 0);
		let votes = vec![for_other, other_chain, other_choice, wrong_signer, no_power];
		assert_ok!(Gov::submit_signed_votes(RuntimeOrigin::signed(dave()), index, batch(votes)));
		let rejected: Vec<_> = governance_events()
			.into_iter()
			.filter_map(|e| match e {
				Event::SignedVoteRejected { voter, reason, .. } => Some((voter, reason)),
				_ => None,
			})
			.collect();
		use SignedVoteRejection::*;
		assert_eq!(
			rejected,
			vec![
				(bob(), BadSignature),
				(charlie(), BadSignature),
				(dave(), BadSignature),
				(alice(), BadSignature),
				(eve(), NoVotingPower),
			]
		);
		assert!(proposal(index).tally.is_empty());
		assert_eq!(VoteOf::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(Gov::next_nonce(index, &bob()), 0);
	});
}

#[test]
fn relayed_twice_counts_once_and_nonces_advance() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let vote = signed(Key::Bob, index, Aye, 0);
		// Twice in one batch, then again in another batch.
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![vote.clone(), vote.clone()])
		));
		System::assert_last_event(
			Event::SignedVoteRejected {
				index,
				voter: bob(),
				reason: SignedVoteRejection::StaleNonce,
			}
			.into(),
		);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(alice()),
			index,
			batch(vec![vote])
		));
		assert_eq!(proposal(index).tally, Tally { aye: 2000, nay: 0, abstain: 0, voters: 1 });
		// The next nonce replaces the vote; a lower one is stale, a higher one refused.
		let change = signed(Key::Bob, index, Nay, 1);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![change])
		));
		assert_eq!(proposal(index).tally, Tally { aye: 0, nay: 2000, abstain: 0, voters: 1 });
		assert_eq!(Gov::next_nonce(index, &bob()), 2);
		let lower = signed(Key::Bob, index, Aye, 0);
		let future = signed(Key::Bob, index, Aye, 5);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![lower, future])
		));
		assert_eq!(proposal(index).tally.nay, 2000);
		let reasons: Vec<_> = governance_events()
			.into_iter()
			.rev()
			.take(2)
			.filter_map(|e| match e {
				Event::SignedVoteRejected { reason, .. } => Some(reason),
				_ => None,
			})
			.collect();
		assert_eq!(
			reasons,
			vec![SignedVoteRejection::FutureNonce, SignedVoteRejection::StaleNonce]
		);
	});
}

#[test]
fn signed_votes_after_the_end_fail() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let vote = signed(Key::Bob, index, Aye, 0);
		run_to_block(11);
		assert_noop!(
			Gov::submit_signed_votes(
				RuntimeOrigin::signed(dave()),
				index,
				batch(vec![vote.clone()])
			),
			Error::<Test>::VotingClosed
		);
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, vote.clone()),
			Error::<Test>::VotingClosed
		);
		let call = Call::<Test>::vote_by_signature { index, vote };
		assert_eq!(
			<Gov as ValidateUnsigned>::validate_unsigned(TransactionSource::External, &call),
			Err(InvalidTransaction::Stale.into())
		);
	});
}

#[test]
fn truncated_signature_does_not_decode() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let call: RuntimeCall =
			Call::<Test>::vote_by_signature { index, vote: signed(Key::Bob, index, Aye, 0) }.into();
		let mut bytes = call.encode();
		bytes.truncate(bytes.len() - 1);
		assert!(RuntimeCall::decode(&mut &bytes[..]).is_err());
	});
}

#[test]
fn vote_by_signature_works() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let vote = signed(Key::Ed, index, Aye, 0);
		let call = Call::<Test>::vote_by_signature { index, vote: vote.clone() };
		let valid =
			<Gov as ValidateUnsigned>::validate_unsigned(TransactionSource::External, &call)
				.expect("a valid signed vote is valid in the pool");
		// One fee-less vote per (proposal, voter) in the pool, whatever its choice or nonce.
		assert_eq!(
			valid.provides,
			vec![("GovernanceFeelessVote", (index, Key::Ed.account())).encode()]
		);
		assert!(valid.requires.is_empty());
		assert_eq!(valid.longevity, 10);
		// Below paid transactions (the mock's priority is the lowest).
		assert_eq!(valid.priority, 0);
		assert_ok!(Gov::vote_by_signature(RuntimeOrigin::none(), index, vote.clone()));
		System::assert_last_event(
			Event::Voted { index, voter: Key::Ed.account(), choice: Aye, power: 500 }.into(),
		);
		assert_eq!(Gov::next_nonce(index, &Key::Ed.account()), 1);
		// The same message again: not a first vote, in the pool and at dispatch.
		assert_eq!(
			<Gov as ValidateUnsigned>::validate_unsigned(TransactionSource::External, &call),
			Err(InvalidTransaction::Custom(signed::NOT_FIRST_VOTE).into())
		);
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, vote),
			Error::<Test>::NotFirstVote
		);
	});
}

#[test]
fn vote_by_signature_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let validate = |vote: SignedVoteOf<Test>| {
			let call = Call::<Test>::vote_by_signature { index, vote };
			<Gov as ValidateUnsigned>::validate_unsigned(TransactionSource::External, &call)
		};
		let forged = SignedVote { voter: charlie(), ..signed(Key::Bob, index, Aye, 0) };
		assert_eq!(validate(forged.clone()), Err(InvalidTransaction::BadProof.into()));
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, forged),
			Error::<Test>::BadSignature
		);
		let poor = signed(Key::Eve, index, Aye, 0);
		assert_eq!(
			validate(poor.clone()),
			Err(InvalidTransaction::Custom(signed::NO_VOTING_POWER).into())
		);
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, poor),
			Error::<Test>::NoVotingPower
		);
		assert_noop!(
			Gov::vote_by_signature(
				RuntimeOrigin::signed(bob()),
				index,
				signed(Key::Bob, index, Aye, 0)
			),
			BadOrigin
		);
		let unknown =
			Call::<Test>::vote_by_signature { index: 9, vote: signed(Key::Bob, index, Aye, 0) };
		assert_eq!(
			<Gov as ValidateUnsigned>::validate_unsigned(TransactionSource::External, &unknown),
			Err(InvalidTransaction::Stale.into())
		);
	});
}

// ----- decision and enactment -----

#[test]
fn approved_root_proposal_is_enacted() {
	ExtBuilder::default().build_and_execute(|| {
		// A Root-only call with an event.
		let call = RuntimeCall::Balances(pallet_token::Call::force_set_balance {
			who: eve(),
			new_free: 777,
		});
		let index = submit(alice(), call, ROOT);
		vote(bob(), index, Aye);
		vote(charlie(), index, Aye);
		vote(alice(), index, Nay);
		run_to_block(11);
		let tally = Tally { aye: 5000, nay: 1000, abstain: 0, voters: 3 };
		assert!(governance_events().contains(&Event::Approved { index, tally, enact_at: 13 }));
		assert!(governance_events().contains(&Event::DepositReturned {
			index,
			who: alice(),
			amount: 100
		}));
		assert_eq!(held(&alice()), 0);
		assert_eq!(proposal(index).status, ProposalStatus::Approved { enact_at: 13 });
		run_to_block(12);
		assert_eq!(Balances::free_balance(&eve()), 0);
		run_to_block(13);
		System::assert_has_event(pallet_token::Event::BalanceSet { who: eve(), free: 777 }.into());
		assert_eq!(governance_events().last(), Some(&Event::Enacted { index }));
		assert_eq!(proposal(index).status, ProposalStatus::Enacted { ok: true });
		assert_eq!(Balances::free_balance(&eve()), 777);
		// The preimage is no longer requested.
		assert!(!Preimage::is_requested(&proposal(index).call.hash()));
	});
}

#[test]
fn below_turnout_is_rejected_and_deposit_returned() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		// 500 of 11_000 is below 10%.
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![signed(Key::Ed, index, Aye, 0)])
		));
		run_to_block(11);
		let tally = Tally { aye: 500, nay: 0, abstain: 0, voters: 1 };
		System::assert_last_event(Event::Rejected { index, tally }.into());
		assert_eq!(proposal(index).status, ProposalStatus::Rejected);
		assert_eq!(held(&alice()), 0);
		assert_eq!(Balances::free_balance(&alice()), 1000);
	});
}

#[test]
fn upgrade_class_lifecycle_works() {
	ExtBuilder::default().build_and_execute(|| {
		// The upgrade class changes a class with its own origin.
		let mut new_root = genesis_classes()[0].1.clone();
		new_root.voting_period = 7;
		let call = RuntimeCall::Governance(Call::set_class { class: ROOT, info: new_root.clone() });
		let index = submit(bob(), call, UPGRADE);
		assert_eq!(held(&bob()), 500);
		// A root proposal open while its class changes keeps its rule and end.
		let open = submit(alice(), remark(b"x"), ROOT);
		// 2/3 of aye+nay and 20% turnout: Dave and Charlie aye (7000), Bob nay (2000).
		vote(dave(), index, Aye);
		vote(charlie(), index, Aye);
		vote(bob(), index, Nay);
		run_to_block(11);
		assert_eq!(proposal(index).status, ProposalStatus::Approved { enact_at: 16 });
		run_to_block(16);
		assert!(governance_events().contains(&Event::ClassSet { class: ROOT }));
		assert_eq!(governance_events().last(), Some(&Event::Enacted { index }));
		assert_eq!(ClassOf::<Test>::get(ROOT), Some(new_root));
		assert_eq!(proposal(open).voting_end, 11);
		assert_eq!(proposal(open).thresholds, genesis_classes()[0].1.thresholds);
	});
}

#[test]
fn upgrade_class_below_two_thirds_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let call = RuntimeCall::Governance(Call::set_class {
			class: ROOT,
			info: genesis_classes()[0].1.clone(),
		});
		let index = submit(bob(), call, UPGRADE);
		// 6000 aye against 4000 nay: 60%, below two thirds (though a majority).
		vote(charlie(), index, Aye);
		vote(alice(), index, Aye);
		vote(bob(), index, Aye);
		vote(dave(), index, Nay);
		run_to_block(11);
		assert_eq!(proposal(index).status, ProposalStatus::Rejected);
	});
}

#[test]
fn cancellation_class_cancels_a_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		let victim = submit(alice(), remark(b"bad"), STRICT_ROOT);
		let call = RuntimeCall::Governance(Call::cancel { index: victim });
		let index = submit(bob(), call, CANCELLATION);
		vote(dave(), index, Aye);
		run_to_block(6);
		assert_eq!(proposal(index).status, ProposalStatus::Approved { enact_at: 7 });
		run_to_block(7);
		assert!(governance_events().contains(&Event::Cancelled { index: victim }));
		assert_eq!(proposal(victim).status, ProposalStatus::Cancelled);
		assert_eq!(held(&alice()), 0);
		assert_eq!(Balances::free_balance(&alice()), 1000);
		// The victim is no longer booked.
		run_to_block(21);
		assert_eq!(proposal(victim).status, ProposalStatus::Cancelled);
	});
}

#[test]
fn failing_call_reports_enactment_failed() {
	ExtBuilder::default().build_and_execute(|| {
		// An invalid class: the call is dispatched and fails.
		let mut invalid = genesis_classes()[1].1.clone();
		invalid.name = Default::default();
		let call = RuntimeCall::Governance(Call::set_class { class: UPGRADE, info: invalid });
		let index = submit(bob(), call, UPGRADE);
		vote(dave(), index, Aye);
		vote(charlie(), index, Aye);
		run_to_block(16);
		assert_eq!(
			governance_events().last(),
			Some(&Event::EnactmentFailed { index, error: Error::<Test>::InvalidClass.into() })
		);
		assert_eq!(proposal(index).status, ProposalStatus::Enacted { ok: false });
	});
}

#[test]
fn enact_fails_for_non_root_and_unapproved() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		assert_noop!(Gov::enact(RuntimeOrigin::signed(alice()), index, Weight::MAX), BadOrigin);
		assert_noop!(
			Gov::enact(RuntimeOrigin::root(), index, Weight::MAX),
			Error::<Test>::NotApproved
		);
		assert_noop!(
			Gov::enact(RuntimeOrigin::root(), 9, Weight::MAX),
			Error::<Test>::ProposalNotFound
		);
	});
}

// ----- cancel, kill, classes -----

#[test]
fn cancel_works() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		assert_ok!(Gov::cancel(RuntimeOrigin::root(), index));
		System::assert_last_event(Event::Cancelled { index }.into());
		assert_eq!(held(&alice()), 0);
		assert!(EndingAt::<Test>::get(11).is_empty());
		assert!(!Preimage::is_requested(&proposal(index).call.hash()));
		assert_noop!(Gov::cancel(RuntimeOrigin::root(), index), Error::<Test>::AlreadyFinished);
		assert_noop!(Gov::cancel(RuntimeOrigin::signed(alice()), index), BadOrigin);
		assert_noop!(Gov::cancel(RuntimeOrigin::root(), 9), Error::<Test>::ProposalNotFound);
	});
}

#[test]
fn cancel_of_approved_unschedules() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		vote(dave(), index, Aye);
		run_to_block(11);
		assert!(Scheduler::next_dispatch_time(Gov::task_name(index)).is_ok());
		assert_ok!(Gov::cancel(RuntimeOrigin::root(), index));
		assert!(Scheduler::next_dispatch_time(Gov::task_name(index)).is_err());
		run_to_block(14);
		assert_eq!(proposal(index).status, ProposalStatus::Cancelled);
		assert!(!governance_events().contains(&Event::Enacted { index }));
	});
}

#[test]
fn kill_works() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let issuance = Balances::total_issuance();
		assert_noop!(Gov::kill(RuntimeOrigin::signed(alice()), index), BadOrigin);
		assert_ok!(Gov::kill(RuntimeOrigin::root(), index));
		System::assert_last_event(Event::Killed { index, slashed: 100 }.into());
		assert_eq!(Balances::free_balance(&alice()), 900);
		assert_eq!(held(&alice()), 0);
		assert_eq!(Balances::total_issuance(), issuance - 100);
		assert_eq!(proposal(index).status, ProposalStatus::Killed);
		assert_noop!(Gov::kill(RuntimeOrigin::root(), index), Error::<Test>::AlreadyFinished);
	});
}

#[test]
fn set_class_works() {
	ExtBuilder::default().build_and_execute(|| {
		let info =
			class("new", majority(), Perbill::from_percent(5), 4, 1, 1, DispatchOrigin::Class);
		assert_ok!(Gov::set_class(RuntimeOrigin::root(), 7, info.clone()));
		System::assert_last_event(Event::ClassSet { class: 7 }.into());
		assert_eq!(ClassOf::<Test>::get(7), Some(info.clone()));
		// Through this pallet's origin of the upgrade class too.
		let origin: RuntimeOrigin = Origin::Approved { class: UPGRADE }.into();
		assert_ok!(Gov::set_class(origin, 7, info));
	});
}

#[test]
fn set_class_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let good =
			class("ok", majority(), Perbill::from_percent(5), 4, 1, 1, DispatchOrigin::Class);
		assert_noop!(Gov::set_class(RuntimeOrigin::signed(alice()), 7, good.clone()), BadOrigin);
		let other_class: RuntimeOrigin = Origin::Approved { class: ROOT }.into();
		assert_noop!(Gov::set_class(other_class, 7, good.clone()), BadOrigin);
		let mut empty = good.clone();
		empty.name = Default::default();
		assert_noop!(Gov::set_class(RuntimeOrigin::root(), 7, empty), Error::<Test>::InvalidClass);
		let mut zero = good.clone();
		zero.voting_period = 0;
		assert_noop!(Gov::set_class(RuntimeOrigin::root(), 7, zero), Error::<Test>::InvalidClass);
		let mut long = good.clone();
		long.voting_period = 64;
		assert_noop!(Gov::set_class(RuntimeOrigin::root(), 7, long), Error::<Test>::InvalidClass);
		for id in 5..8 {
			assert_ok!(Gov::set_class(RuntimeOrigin::root(), id, good.clone()));
		}
		assert_noop!(Gov::set_class(RuntimeOrigin::root(), 8, good), Error::<Test>::TooManyClasses);
	});
}

#[test]
fn runtime_api_helpers_work() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(2);
		let index = submit(alice(), remark(b"x"), ROOT);
		assert_eq!(Gov::voting_power(index, &dave()), 4000);
		assert_eq!(Gov::voting_power(index, &eve()), 0);
		assert_eq!(Gov::next_nonce(index, &dave()), 0);
		assert_eq!(Gov::api_vote_payload(9, Aye, 0), None);
		vote(dave(), index, Aye);
		let summary = Gov::proposal_summary(index).unwrap();
		assert_eq!(summary.tally.aye, 4000);
		assert!(summary.passing);
		assert_eq!(summary.voting_end, 12);
		assert_eq!(Gov::proposal_summary(9), None);
	});
}

#[test]
fn on_initialize_with_nothing_ending_is_cheap() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Gov::on_initialize(5), <Test as Config>::WeightInfo::on_initialize(0));
	});
}

#[test]
fn genesis_classes_are_stored() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(ClassOf::<Test>::count(), 5);
		for (id, info) in genesis_classes() {
			assert_eq!(ClassOf::<Test>::get(id), Some(info));
		}
	});
}

#[test]
fn removed_signed_vote_cannot_be_replayed() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let vote = signed(Key::Bob, index, Aye, 0);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![vote.clone()])
		));
		assert_ok!(Gov::remove_vote(RuntimeOrigin::signed(bob()), index));
		assert!(proposal(index).tally.is_empty());
		// The record keeps the nonce (advanced by the removal): the old message is void.
		assert_eq!(Gov::next_nonce(index, &bob()), 2);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![vote.clone()])
		));
		System::assert_last_event(
			Event::SignedVoteRejected {
				index,
				voter: bob(),
				reason: SignedVoteRejection::StaleNonce,
			}
			.into(),
		);
		assert!(proposal(index).tally.is_empty());
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, vote),
			Error::<Test>::NotFirstVote
		);
		assert_noop!(
			Gov::remove_vote(RuntimeOrigin::signed(bob()), index),
			Error::<Test>::NotVoted
		);
	});
}

// ----- class boundaries (adversarial) -----

/// A raw write of `Governance::ClassOf(0)`: what an attacker would use to lower the rule of the
/// strictest class.
fn set_storage_on_class_rule() -> RuntimeCall {
	let key = ClassOf::<Test>::hashed_key_for(ROOT);
	let weak = class("root", majority(), Perbill::zero(), 1, 0, 0, DispatchOrigin::Root);
	RuntimeCall::System(frame_system::Call::set_storage { items: vec![(key, weak.encode())] })
}

#[test]
fn forbidden_calls_are_refused_under_every_class() {
	ExtBuilder::default().build_and_execute(|| {
		let forbidden = [
			set_storage_on_class_rule(),
			RuntimeCall::System(frame_system::Call::kill_storage { keys: vec![vec![1]] }),
			RuntimeCall::System(frame_system::Call::kill_prefix { prefix: vec![1], subkeys: 1 }),
			// Enacting another approved proposal before its delay.
			RuntimeCall::Governance(Call::enact { index: 0, weight_limit: Weight::zero() }),
			// The scheduler carries calls of its own: a way around this very check.
			RuntimeCall::Scheduler(pallet_scheduler::Call::schedule {
				when: 100,
				maybe_periodic: None,
				priority: 0,
				call: Box::new(set_storage_on_class_rule()),
			}),
		];
		for call in forbidden {
			assert_eq!(Gov::required_class(&call), None, "{call:?}");
			for (class, _) in genesis_classes() {
				assert_noop!(
					Gov::submit(RuntimeOrigin::signed(alice()), inline(call.clone()), class, None),
					Error::<Test>::CallForbidden
				);
			}
		}
	});
}

#[test]
fn unlisted_calls_need_the_strictest_class() {
	ExtBuilder::default().build_and_execute(|| {
		// Deny by default: a call the runtime does not place in a weaker class needs ROOT.
		let force = RuntimeCall::Balances(pallet_token::Call::force_set_balance {
			who: eve(),
			new_free: 1_000_000,
		});
		assert_eq!(Gov::required_class(&force), Some(ROOT));
		for weak in [SIGNAL, CANCELLATION, UPGRADE] {
			assert_noop!(
				Gov::submit(RuntimeOrigin::signed(alice()), inline(force.clone()), weak, None),
				Error::<Test>::ClassTooWeak
			);
		}
		// A listed harmless call goes under its weak class, which dispatches with its own origin.
		let signal = RuntimeCall::System(frame_system::Call::remark { remark: b"hi".to_vec() });
		assert_eq!(Gov::required_class(&signal), Some(SIGNAL));
		let index = submit(alice(), signal, SIGNAL);
		assert_eq!(proposal(index).origin, DispatchOrigin::Class);
		vote(dave(), index, Aye);
		run_to_block(13);
		assert_eq!(proposal(index).status, ProposalStatus::Enacted { ok: true });
	});
}

#[test]
fn a_weaker_class_never_reaches_root() {
	ExtBuilder::default().build_and_execute(|| {
		// A Root class weaker than another class is refused...
		let weak_root = class(
			"weak root",
			majority(),
			Perbill::from_percent(10),
			5,
			1,
			1,
			DispatchOrigin::Root,
		);
		assert_noop!(
			Gov::set_class(RuntimeOrigin::root(), ROOT, weak_root.clone()),
			Error::<Test>::RootClassNotStrictest
		);
		assert_noop!(
			Gov::set_class(RuntimeOrigin::root(), 7, weak_root),
			Error::<Test>::RootClassNotStrictest
		);
		// ...and so is a class stricter than the Root classes (Root would then be weaker).
		let stricter = class(
			"stricter",
			Perbill::from_percent(90),
			Perbill::from_percent(50),
			5,
			1,
			1,
			DispatchOrigin::Class,
		);
		assert_noop!(
			Gov::set_class(RuntimeOrigin::root(), 7, stricter),
			Error::<Test>::RootClassNotStrictest
		);
		// Raising a Root class alone is fine (it only has to stay above the other origins).
		let mut raised = genesis_classes()[0].1.clone();
		raised.thresholds.min_voters = 2;
		assert_ok!(Gov::set_class(RuntimeOrigin::root(), ROOT, raised));
	});
}

#[test]
#[should_panic(expected = "genesis class 1 is invalid: Module")]
fn genesis_with_a_weak_root_class_fails() {
	let mut storage = token_genesis(vec![]);
	let p = Perbill::from_percent;
	crate::GenesisConfig::<Test> {
		classes: vec![
			(0, class("upgrade", two_thirds(), p(20), 10, 5, 500, DispatchOrigin::Class)),
			(1, class("general root", majority(), p(15), 10, 2, 100, DispatchOrigin::Root)),
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
}

#[test]
#[should_panic(expected = "genesis class 0 is invalid: Module")]
fn genesis_with_a_zero_approval_class_fails() {
	let mut storage = token_genesis(vec![]);
	crate::GenesisConfig::<Test> {
		classes: vec![(
			0,
			class("nays win", Perbill::zero(), Perbill::zero(), 10, 2, 100, DispatchOrigin::Class),
		)],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
}

#[test]
fn invalid_thresholds_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// A rule that a tally of only nays (or a tie) would meet.
		for approval in [0, 1, 500_000_000] {
			let info = class(
				"bad",
				Perbill::from_parts(approval),
				Perbill::zero(),
				4,
				1,
				1,
				DispatchOrigin::Class,
			);
			assert_noop!(
				Gov::set_class(RuntimeOrigin::root(), 7, info),
				Error::<Test>::InvalidClass
			);
		}
		// Ratios above 100%, as a chain spec's JSON can carry them (serde does not clamp).
		let above: Thresholds = serde_json::from_str(
			r#"{"min_approval":1000000001,"min_turnout":2000000000,"min_voters":1}"#,
		)
		.unwrap();
		let mut info = class("above", majority(), Perbill::zero(), 4, 1, 1, DispatchOrigin::Class);
		info.thresholds = above;
		assert_noop!(Gov::set_class(RuntimeOrigin::root(), 7, info), Error::<Test>::InvalidClass);
		// Stricter thresholds asked by a proposer must be valid too.
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(remark(b"x")), ROOT, Some(above)),
			Error::<Test>::LooserThresholds
		);
	});
}

// ----- nonces (adversarial) -----

#[test]
fn old_signed_message_cannot_override_a_direct_vote() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		// Bob signs Aye; a relayer holds the message. Bob then votes Nay by extrinsic.
		let held_message = signed(Key::Bob, index, Aye, 0);
		vote(bob(), index, Nay);
		assert_eq!(Gov::next_nonce(index, &bob()), 1);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![held_message])
		));
		System::assert_last_event(
			Event::SignedVoteRejected {
				index,
				voter: bob(),
				reason: SignedVoteRejection::StaleNonce,
			}
			.into(),
		);
		assert_eq!(proposal(index).tally, Tally { aye: 0, nay: 2000, abstain: 0, voters: 1 });
	});
}

#[test]
fn old_signed_message_cannot_revive_a_removed_vote() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		// Bob votes directly, signs nonce 1 for a relayer, then changes his mind and removes.
		vote(bob(), index, Aye);
		let held_message = signed(Key::Bob, index, Aye, 1);
		assert_ok!(Gov::remove_vote(RuntimeOrigin::signed(bob()), index));
		assert_eq!(Gov::next_nonce(index, &bob()), 2);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![held_message])
		));
		assert!(proposal(index).tally.is_empty());
	});
}

#[test]
fn nonce_at_its_limit_is_never_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		// Bob's nonce at the type's limit (4 billion votes later).
		VoteOf::<Test>::insert(index, bob(), VoteRecord { vote: None, next_nonce: VoteNonce::MAX });
		let last = signed(Key::Bob, index, Aye, VoteNonce::MAX);
		for _ in 0..2 {
			assert_ok!(Gov::submit_signed_votes(
				RuntimeOrigin::signed(dave()),
				index,
				batch(vec![last.clone()])
			));
			System::assert_last_event(
				Event::SignedVoteRejected {
					index,
					voter: bob(),
					reason: SignedVoteRejection::NonceExhausted,
				}
				.into(),
			);
		}
		assert!(proposal(index).tally.is_empty());
		assert_noop!(
			Gov::vote(RuntimeOrigin::signed(bob()), index, Aye),
			Error::<Test>::NonceExhausted
		);
		// One below the limit: the vote counts once, then the message is stale.
		VoteOf::<Test>::insert(
			index,
			bob(),
			VoteRecord { vote: None, next_nonce: VoteNonce::MAX - 1 },
		);
		let before_last = signed(Key::Bob, index, Aye, VoteNonce::MAX - 1);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![before_last.clone(), before_last])
		));
		assert_eq!(proposal(index).tally.aye, 2000);
		assert_eq!(Gov::next_nonce(index, &bob()), VoteNonce::MAX);
		assert_noop!(
			Gov::remove_vote(RuntimeOrigin::signed(bob()), index),
			Error::<Test>::NonceExhausted
		);
	});
}

// ----- fee-less votes (adversarial) -----

fn feeless_call(vote: SignedVoteOf<Test>, index: ProposalIndex) -> Call<Test> {
	Call::<Test>::vote_by_signature { index, vote }
}

fn pool(call: &Call<Test>) -> TransactionValidity {
	<Gov as ValidateUnsigned>::validate_unsigned(TransactionSource::External, call)
}

#[test]
fn presigned_rising_nonces_give_one_free_vote() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		// A holder pre-signs nonces 0..200 to fill blocks for free.
		let messages: Vec<_> = (0..200)
			.map(|n| signed(Key::Bob, index, if n % 2 == 0 { Aye } else { Nay }, n))
			.collect();
		let verdicts: Vec<_> =
			messages.iter().map(|m| pool(&feeless_call(m.clone(), index))).collect();
		assert!(verdicts[0].is_ok());
		for verdict in &verdicts[1..] {
			assert_eq!(*verdict, Err(InvalidTransaction::Future.into()));
		}
		assert_ok!(Gov::vote_by_signature(RuntimeOrigin::none(), index, messages[0].clone()));
		// After the first vote none is free: not a first vote, whatever its nonce.
		for m in &messages {
			assert_eq!(
				pool(&feeless_call(m.clone(), index)),
				Err(InvalidTransaction::Custom(signed::NOT_FIRST_VOTE).into())
			);
			assert_noop!(
				Gov::vote_by_signature(RuntimeOrigin::none(), index, m.clone()),
				Error::<Test>::NotFirstVote
			);
		}
		// The change still goes through a paid path.
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![messages[1].clone()])
		));
		assert_eq!(proposal(index).tally, Tally { aye: 0, nay: 2000, abstain: 0, voters: 1 });
	});
}

#[test]
fn feeless_votes_per_block_are_capped() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let cap = <<Test as Config>::MaxFeelessVotesPerBlock as Get<u32>>::get();
		assert_eq!(cap, 4);
		let keys = [Key::Alice, Key::Bob, Key::Charlie, Key::Dave, Key::Ed];
		for key in &keys[..4] {
			let call = feeless_call(signed(*key, index, Aye, 0), index);
			assert_ok!(<Gov as ValidateUnsigned>::pre_dispatch(&call));
			assert_ok!(Gov::vote_by_signature(
				RuntimeOrigin::none(),
				index,
				signed(*key, index, Aye, 0)
			));
		}
		// The fifth is valid in the pool but does not fit in this block.
		let fifth = signed(Key::Ed, index, Aye, 0);
		assert!(pool(&feeless_call(fifth.clone(), index)).is_ok());
		assert_eq!(
			<Gov as ValidateUnsigned>::pre_dispatch(&feeless_call(fifth.clone(), index)),
			Err(InvalidTransaction::ExhaustsResources.into())
		);
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, fifth.clone()),
			Error::<Test>::FeelessVotesExhausted
		);
		// The next block has room again.
		run_to_block(2);
		assert_ok!(<Gov as ValidateUnsigned>::pre_dispatch(&feeless_call(fifth.clone(), index)));
		assert_ok!(Gov::vote_by_signature(RuntimeOrigin::none(), index, fifth));
		assert_eq!(proposal(index).tally.voters, 5);
	});
}

#[test]
fn feeless_vote_needs_least_power() {
	ExtBuilder::default().build_and_execute(|| {
		// Eve gets 50 (below the mock's 100) before the snapshot.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(alice()), eve(), 50));
		run_to_block(3);
		let index = submit(alice(), remark(b"x"), ROOT);
		let vote = signed(Key::Eve, index, Aye, 0);
		assert_eq!(
			pool(&feeless_call(vote.clone(), index)),
			Err(InvalidTransaction::Custom(signed::TOO_LITTLE_POWER).into())
		);
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, vote.clone()),
			Error::<Test>::TooLittlePowerForFeeless
		);
		// Eve still votes, on a paid path.
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![vote])
		));
		assert_eq!(proposal(index).tally.aye, 50);
	});
}

#[test]
fn feeless_vote_rejections_match_in_pool_and_block() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		let forged = SignedVote { voter: charlie(), ..signed(Key::Bob, index, Aye, 0) };
		let cases = [
			(forged, 0u32, FeelessRefusal::Rejected(SignedVoteRejection::BadSignature)),
			(
				signed(Key::Eve, index, Aye, 0),
				0,
				FeelessRefusal::Rejected(SignedVoteRejection::NoVotingPower),
			),
			(
				signed(Key::Bob, index, Aye, 1),
				0,
				FeelessRefusal::Rejected(SignedVoteRejection::FutureNonce),
			),
			(signed(Key::Bob, index, Aye, 0), 9, FeelessRefusal::NotFound),
		];
		for (vote, at, refusal) in cases {
			let at = if at == 0 { index } else { at };
			assert_eq!(pool(&feeless_call(vote.clone(), at)), Err(refusal.invalid().into()));
			assert_noop!(
				Gov::vote_by_signature(RuntimeOrigin::none(), at, vote),
				refusal.error::<Test>()
			);
		}
	});
}

#[test]
fn wrapped_signature_is_checked_first() {
	// The wrapped form (what wallets send) verifies with one check; raw and invalid ones fall
	// through to the second check.
	let payload = b"payload".to_vec();
	let mut wrapped = b"<Bytes>".to_vec();
	wrapped.extend_from_slice(&payload);
	wrapped.extend_from_slice(b"</Bytes>");
	assert!(verify_wrapped_or_raw(&Key::Bob.sign(&wrapped), &payload, &bob()));
	assert!(verify_wrapped_or_raw(&Key::Bob.sign(&payload), &payload, &bob()));
	assert!(!verify_wrapped_or_raw(&Key::Bob.sign(b"other"), &payload, &bob()));
	assert!(!verify_wrapped_or_raw(&Key::Bob.sign(&wrapped), &payload, &alice()));
}

// ----- lifecycle defects -----

#[test]
fn a_proposal_that_cancels_itself_does_not_come_back() {
	ExtBuilder::default().build_and_execute(|| {
		let index = ProposalCount::<Test>::get();
		let own = RuntimeCall::Governance(Call::cancel { index });
		assert_eq!(submit(bob(), own, CANCELLATION), index);
		let hash = proposal(index).call.hash();
		vote(dave(), index, Aye);
		run_to_block(6);
		assert_eq!(proposal(index).status, ProposalStatus::Approved { enact_at: 7 });
		run_to_block(7);
		// The status was final before the call ran: the call finds it finished.
		assert_eq!(
			governance_events().last(),
			Some(&Event::EnactmentFailed { index, error: Error::<Test>::AlreadyFinished.into() })
		);
		assert_eq!(proposal(index).status, ProposalStatus::Enacted { ok: false });
		assert!(!governance_events().contains(&Event::Cancelled { index }));
		// The preimage was released once: nothing requests it, nothing is left over.
		assert!(!Preimage::is_requested(&hash));
	});
}

#[test]
fn too_heavy_call_is_refused_at_submission() {
	ExtBuilder::default().build_and_execute(|| {
		// Clearing u32::MAX votes weighs more than any block: the scheduler could never run it.
		let heavy = RuntimeCall::Governance(Call::clear_finished { index: 0, max_votes: u32::MAX });
		assert!(!heavy.get_dispatch_info().call_weight.all_lte(MaxCallWeight::get()));
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(heavy), ROOT, None),
			Error::<Test>::CallTooHeavy
		);
	});
}

#[test]
fn voting_period_outlasting_the_snapshot_is_refused_at_submission() {
	ExtBuilder::default().build_and_execute(|| {
		// A class written past `set_class` (which refuses it) votes longer than the token keeps
		// a snapshot readable (63 blocks after a submission in the mock).
		let mut long = ClassOf::<Test>::get(ROOT).unwrap();
		long.voting_period = 64;
		ClassOf::<Test>::insert(ROOT, long.clone());
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(remark(b"x")), ROOT, None),
			Error::<Test>::SnapshotExpiresFirst
		);
		long.voting_period = 63;
		ClassOf::<Test>::insert(ROOT, long);
		assert_ok!(Gov::submit(RuntimeOrigin::signed(alice()), inline(remark(b"x")), ROOT, None));
	});
}

#[test]
fn submission_before_any_snapshot_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(0);
		assert_noop!(
			Gov::submit(RuntimeOrigin::signed(alice()), inline(remark(b"x")), ROOT, None),
			Error::<Test>::NoSnapshot
		);
	});
}

#[test]
fn unschedulable_enactment_ends_not_enacted() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		vote(dave(), index, Aye);
		// Fill the agenda of the enactment block (13; the mock allows 10 tasks per block).
		for _ in 0..10 {
			assert_ok!(Scheduler::schedule(
				RuntimeOrigin::root(),
				13,
				None,
				0,
				Box::new(remark(b"filler"))
			));
		}
		let hash = proposal(index).call.hash();
		run_to_block(11);
		assert_eq!(proposal(index).status, ProposalStatus::NotEnacted);
		assert!(matches!(
			governance_events().last(),
			Some(Event::EnactmentFailed { index: i, .. }) if *i == index
		));
		assert!(!Preimage::is_requested(&hash));
		// Its deposit came back all the same.
		assert_eq!(held(&alice()), 0);
	});
}

#[test]
fn missing_preimage_at_enactment_ends_not_enacted() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		vote(dave(), index, Aye);
		run_to_block(11);
		let hash = proposal(index).call.hash();
		// The preimage disappears before the enactment block.
		assert_ok!(Preimage::unrequest_preimage(RuntimeOrigin::root(), hash));
		assert_ok!(Preimage::unnote_preimage(RuntimeOrigin::signed(alice()), hash));
		run_to_block(13);
		assert_eq!(proposal(index).status, ProposalStatus::NotEnacted);
		assert_eq!(
			governance_events().last(),
			Some(&Event::EnactmentFailed { index, error: Error::<Test>::CallUnavailable.into() })
		);
	});
}

// ----- bounded state -----

#[test]
fn clear_finished_works() {
	ExtBuilder::default().build_and_execute(|| {
		let index = submit(alice(), remark(b"x"), ROOT);
		for who in [alice(), bob(), charlie(), dave()] {
			vote(who, index, Aye);
		}
		assert_noop!(
			Gov::clear_finished(RuntimeOrigin::signed(eve()), index, 10),
			Error::<Test>::NotFinished
		);
		run_to_block(11);
		// Approved is not finished either: it can still be cancelled.
		assert_noop!(
			Gov::clear_finished(RuntimeOrigin::signed(eve()), index, 10),
			Error::<Test>::NotFinished
		);
		run_to_block(13);
		// Anyone clears, a bounded number of votes per call, refunded to what it removed.
		let info = Gov::clear_finished(RuntimeOrigin::signed(eve()), index, 3).unwrap();
		assert_eq!(info.actual_weight, Some(<Test as Config>::WeightInfo::clear_finished(3)));
		System::assert_last_event(Event::Cleared { index, votes: 3, done: false }.into());
		assert_eq!(VoteOf::<Test>::iter_prefix(index).count(), 1);
		assert_ok!(Gov::clear_finished(RuntimeOrigin::signed(eve()), index, 3));
		System::assert_last_event(Event::Cleared { index, votes: 1, done: true }.into());
		assert!(ProposalOf::<Test>::get(index).is_none());
		assert_eq!(VoteOf::<Test>::iter().count(), 0);
		// Gone: nothing more to clear, no vote can arrive.
		assert_noop!(
			Gov::clear_finished(RuntimeOrigin::signed(eve()), index, 3),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(
			Gov::vote(RuntimeOrigin::signed(bob()), index, Aye),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(Gov::clear_finished(RuntimeOrigin::none(), index, 3), BadOrigin);
	});
}

#[test]
fn clear_finished_of_each_final_status_works() {
	ExtBuilder::default().build_and_execute(|| {
		let rejected = submit(alice(), remark(b"r"), ROOT);
		let cancelled = submit(alice(), remark(b"c"), ROOT);
		let killed = submit(alice(), remark(b"k"), ROOT);
		vote(bob(), rejected, Nay);
		vote(bob(), cancelled, Aye);
		vote(bob(), killed, Aye);
		assert_ok!(Gov::cancel(RuntimeOrigin::root(), cancelled));
		assert_ok!(Gov::kill(RuntimeOrigin::root(), killed));
		run_to_block(11);
		for index in [rejected, cancelled, killed] {
			assert_ok!(Gov::clear_finished(RuntimeOrigin::signed(eve()), index, 10));
			assert!(ProposalOf::<Test>::get(index).is_none());
		}
	});
}

// ----- invariants: try_state catches what an attacker or a bug could break -----

#[test]
fn try_state_catches_broken_invariants() {
	let broken = |breaks: fn(ProposalIndex), expected: &'static str| {
		ExtBuilder::default().build().execute_with(|| {
			let index = submit(alice(), remark(b"x"), ROOT);
			vote(bob(), index, Aye);
			assert_ok!(Gov::do_try_state());
			breaks(index);
			assert_eq!(Gov::do_try_state(), Err(expected.into()), "{expected}");
		});
	};
	broken(
		|index| {
			let _ = Balances::release(
				&HoldReason::SubmissionDeposit.into(),
				&alice(),
				50,
				Precision::Exact,
			);
			let _ = index;
		},
		"held submission deposits differ from the open proposals' deposits",
	);
	broken(
		|_| VoteOf::<Test>::insert(77, bob(), VoteRecord::default()),
		"a vote of an unknown proposal",
	);
	broken(
		|index| {
			let hash = proposal(index).call.hash();
			let _ = Preimage::unrequest_preimage(RuntimeOrigin::root(), hash);
		},
		"an ongoing proposal's preimage is not requested",
	);
	broken(
		|_| {
			let mut weak = genesis_classes()[0].1.clone();
			weak.thresholds.min_approval = majority();
			ClassOf::<Test>::insert(ROOT, weak);
		},
		"a Root class is not strictest",
	);
	broken(
		|_| {
			let mut zero = genesis_classes()[2].1.clone();
			zero.thresholds.min_approval = Perbill::zero();
			ClassOf::<Test>::insert(CANCELLATION, zero);
		},
		"a class's thresholds are invalid",
	);
	broken(
		|index| ProposalOf::<Test>::insert(index + 5, proposal(index)),
		"a proposal index is not below ProposalCount",
	);
}
