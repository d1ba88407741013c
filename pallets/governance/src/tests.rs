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
	DispatchError, Perbill,
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
fn too_many_ending_postpones_the_end() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..4 {
			submit(alice(), remark(b"x"), ROOT);
		}
		// MaxEndingPerBlock is 3: the fourth ends one block later.
		assert_eq!(EndingAt::<Test>::get(11).len(), 3);
		assert_eq!(proposal(3).voting_end, 12);
		run_to_block(12);
		for i in 0..4 {
			assert_eq!(proposal(i).status, ProposalStatus::Rejected);
		}
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
		// A later nonce replaces the vote; a lower one is stale.
		let change = signed(Key::Bob, index, Nay, 5);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![change])
		));
		assert_eq!(proposal(index).tally, Tally { aye: 0, nay: 2000, abstain: 0, voters: 1 });
		assert_eq!(Gov::next_nonce(index, &bob()), 6);
		let lower = signed(Key::Bob, index, Aye, 3);
		assert_ok!(Gov::submit_signed_votes(
			RuntimeOrigin::signed(dave()),
			index,
			batch(vec![lower])
		));
		assert_eq!(proposal(index).tally.nay, 2000);
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
		assert_eq!(
			valid.provides,
			vec![("GovernanceSignedVote", (index, Key::Ed.account(), 0u32)).encode()]
		);
		assert_eq!(valid.longevity, 10);
		assert_ok!(Gov::vote_by_signature(RuntimeOrigin::none(), index, vote.clone()));
		System::assert_last_event(
			Event::Voted { index, voter: Key::Ed.account(), choice: Aye, power: 500 }.into(),
		);
		// The same message again: stale in the pool and at dispatch.
		assert_eq!(
			<Gov as ValidateUnsigned>::validate_unsigned(TransactionSource::External, &call),
			Err(InvalidTransaction::Stale.into())
		);
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, vote),
			Error::<Test>::StaleNonce
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
		assert_eq!(validate(poor.clone()), Err(InvalidTransaction::Custom(NO_VOTING_POWER).into()));
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
		// set_code needs Root; the upgrade class dispatches with its own origin.
		let call = RuntimeCall::System(frame_system::Call::set_code { code: vec![1, 2, 3] });
		let index = submit(bob(), call, UPGRADE);
		vote(dave(), index, Aye);
		vote(charlie(), index, Aye);
		run_to_block(16);
		assert_eq!(
			governance_events().last(),
			Some(&Event::EnactmentFailed { index, error: BadOrigin.into() })
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
			class("new", majority(), Perbill::from_percent(5), 4, 1, 1, DispatchOrigin::Root);
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
		let good = class("ok", majority(), Perbill::from_percent(5), 4, 1, 1, DispatchOrigin::Root);
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
		long.voting_period = 1001;
		assert_noop!(Gov::set_class(RuntimeOrigin::root(), 7, long), Error::<Test>::InvalidClass);
		for id in 4..8 {
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
		assert_eq!(ClassOf::<Test>::count(), 4);
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
		// The record keeps the nonce: relaying the old message again is stale.
		assert_eq!(Gov::next_nonce(index, &bob()), 1);
		assert_noop!(
			Gov::vote_by_signature(RuntimeOrigin::none(), index, vote),
			Error::<Test>::StaleNonce
		);
		assert_noop!(
			Gov::remove_vote(RuntimeOrigin::signed(bob()), index),
			Error::<Test>::NotVoted
		);
	});
}
