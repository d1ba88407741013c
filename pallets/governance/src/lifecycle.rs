//! A proposal's life: submission, votes, decision, enactment, stop and clearing.
//!
//! ```text
//!            submit
//!              |
//!           Ongoing --cancel/kill--> Cancelled / Killed
//!              | voting end (on_initialize, or anyone's `decide`)
//!     +--------+--------------------+
//!  Rejected   Approved --cancel/kill--> Cancelled / Killed
//!              | enactment block (scheduler -> `enact`)
//!     +--------+--------+
//!  Enacted{ok}      NotEnacted (never dispatched: not schedulable, preimage gone, overweight)
//! ```
//!
//! Every finished status (all but `Ongoing` and `Approved`) is final; such a proposal's votes
//! and record can be cleared. Each transition below is one function that applies it in full
//! (status, booking or schedule, preimage, deposit, event) and returns what happened.

use super::*;

/// What deciding a proposal did.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Decision<BlockNumber> {
	/// Approved; the call is scheduled for `enact_at`.
	Approved {
		/// The enactment block.
		enact_at: BlockNumber,
	},
	/// Approved, but the enactment could not be scheduled: `NotEnacted`.
	NotScheduled,
	/// Not approved.
	Rejected,
}

impl<T: Config> Pallet<T> {
	/// Submits a proposal (see [`Pallet::submit`]); returns its index.
	pub fn do_submit(
		who: T::AccountId,
		call: BoundedCallOf<T>,
		class: ClassId,
		stricter: Option<Thresholds>,
	) -> Result<ProposalIndex, DispatchError> {
		let (decoded, _) = T::Preimages::peek(&call).map_err(|_| Error::<T>::CallUnavailable)?;
		let required = T::Classify::required_class(&decoded).ok_or(Error::<T>::CallForbidden)?;
		let info = ClassOf::<T>::get(class).ok_or(Error::<T>::ClassNotFound)?;
		if required != class {
			let needed = ClassOf::<T>::get(required).ok_or(Error::<T>::RequiredClassNotFound)?;
			ensure!(info.can_stand_in_for(&needed), Error::<T>::ClassTooWeak);
		}
		let thresholds = stricter.unwrap_or(info.thresholds);
		ensure!(
			thresholds.is_valid() && thresholds.at_least_as_strict_as(&info.thresholds),
			Error::<T>::LooserThresholds
		);
		let call_weight = decoded.get_dispatch_info().call_weight;
		ensure!(call_weight.all_lte(T::MaxCallWeight::get()), Error::<T>::CallTooHeavy);

		let now = frame_system::Pallet::<T>::block_number();
		let snapshot = T::VotingPower::snapshot_for(now).ok_or(Error::<T>::NoSnapshot)?;
		let voting_end = now.saturating_add(info.voting_period);
		let readable_until = T::VotingPower::readable_until(snapshot).unwrap_or_default();
		ensure!(voting_end <= readable_until, Error::<T>::SnapshotExpiresFirst);
		let electorate = T::VotingPower::total_supply_at(snapshot).unwrap_or_default();
		ensure!(!electorate.is_zero(), Error::<T>::EmptyElectorate);
		let index = ProposalCount::<T>::get();

		T::Currency::hold(&HoldReason::SubmissionDeposit.into(), &who, info.submission_deposit)?;
		T::Preimages::hold(&call);
		// Decided in `on_initialize` of its voting end if that block has room; otherwise by
		// anyone's `decide` once voting has ended. Nobody can delay or block the decision.
		let _ = EndingAt::<T>::mutate(voting_end, |ending| ending.try_push(index));
		let proposal = ProposalInfo {
			proposer: who.clone(),
			class,
			call_hash: call.hash(),
			call_weight,
			call,
			origin: info.origin,
			thresholds,
			snapshot,
			voting_end,
			enactment_delay: info.enactment_delay,
			electorate,
			tally: Tally::default(),
			deposit: info.submission_deposit,
			status: ProposalStatus::Ongoing,
		};
		ProposalOf::<T>::insert(index, proposal);
		ProposalCount::<T>::put(index.saturating_add(1));
		Self::deposit_event(Event::Submitted { index, proposer: who, class, snapshot, voting_end });
		Ok(index)
	}

	/// The proposal, if it takes votes now.
	pub(crate) fn ongoing(index: ProposalIndex) -> Result<ProposalInfoOf<T>, DispatchError> {
		let proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(Self::is_open(&proposal), Error::<T>::VotingClosed);
		Ok(proposal)
	}

	/// Whether `proposal` takes votes now.
	pub(crate) fn is_open(proposal: &ProposalInfoOf<T>) -> bool {
		proposal.status == ProposalStatus::Ongoing
			&& frame_system::Pallet::<T>::block_number() < proposal.voting_end
	}

	/// Counts `vote` of `voter` in `proposal`'s tally (replacing the earlier one in `record`) and
	/// stores the record with `next_nonce`. The caller stores the proposal.
	pub(crate) fn do_count_vote(
		index: ProposalIndex,
		proposal: &mut ProposalInfoOf<T>,
		voter: T::AccountId,
		vote: Vote<BalanceOf<T>>,
		mut record: VoteRecordOf<T>,
		next_nonce: VoteNonce,
	) {
		if let Some(old) = record.vote.take() {
			proposal.tally.remove(&old);
		}
		proposal.tally.add(&vote);
		record.vote = Some(vote);
		record.next_nonce = next_nonce;
		VoteOf::<T>::insert(index, &voter, record);
		Self::deposit_event(Event::Voted { index, voter, choice: vote.choice, power: vote.power });
	}

	/// Decides ongoing proposal `index` at or after its voting end `now`: returns the deposit,
	/// then approves (and schedules the enactment) or rejects.
	pub(crate) fn do_decide(
		index: ProposalIndex,
		now: BlockNumberFor<T>,
	) -> Option<Decision<BlockNumberFor<T>>> {
		let Some(mut proposal) = ProposalOf::<T>::get(index) else {
			frame_support::defensive!("a proposal booked to end does not exist");
			return None;
		};
		if proposal.status != ProposalStatus::Ongoing {
			frame_support::defensive!("a proposal booked to end is not ongoing");
			return None;
		}
		let tally = proposal.tally;
		Self::do_return_deposit(index, &mut proposal);
		let decision = if Self::passes(&proposal) {
			// The next block at the earliest: this block's agenda already ran.
			let enact_at = now.saturating_add(proposal.enactment_delay.max(One::one()));
			match Self::schedule_enactment(index, proposal.call_weight, enact_at) {
				Ok(()) => {
					proposal.status = ProposalStatus::Approved { enact_at };
					Self::deposit_event(Event::Approved { index, tally, enact_at });
					Decision::Approved { enact_at }
				},
				Err(error) => {
					log::warn!(target: LOG_TARGET, "approved proposal {index} not scheduled: {error:?}");
					T::Preimages::drop(&proposal.call);
					proposal.status = ProposalStatus::NotEnacted;
					Self::deposit_event(Event::Approved { index, tally, enact_at });
					Self::deposit_event(Event::EnactmentFailed { index, error });
					Decision::NotScheduled
				},
			}
		} else {
			T::Preimages::drop(&proposal.call);
			proposal.status = ProposalStatus::Rejected;
			Self::deposit_event(Event::Rejected { index, tally });
			Decision::Rejected
		};
		ProposalOf::<T>::insert(index, proposal);
		Some(decision)
	}

	/// Schedules `enact(index, weight_limit)` at `enact_at`, as a named task.
	fn schedule_enactment(
		index: ProposalIndex,
		weight_limit: Weight,
		enact_at: BlockNumberFor<T>,
	) -> DispatchResult {
		let call: CallOf<T> = Call::<T>::enact { index, weight_limit }.into();
		let bounded = T::Preimages::bound(call)?;
		T::Scheduler::schedule_named(
			Self::task_name(index),
			DispatchTime::At(enact_at),
			None,
			HIGHEST_PRIORITY,
			<T::RuntimeOrigin as OriginTrait>::root().caller().clone(),
			bounded,
		)
		.map(|_| ())
	}

	/// Whether `proposal`'s tally meets its thresholds (see [`Thresholds::approved`]).
	pub fn passes(proposal: &ProposalInfoOf<T>) -> bool {
		let tally = proposal.tally;
		let as_u128 = Tally::<u128> {
			aye: tally.aye.saturated_into(),
			nay: tally.nay.saturated_into(),
			abstain: tally.abstain.saturated_into(),
			voters: tally.voters,
		};
		proposal.thresholds.approved(&as_u128, proposal.electorate.saturated_into::<u128>())
	}

	/// Enacts approved proposal `index`: releases its preimage, records the final status
	/// **before** dispatching (so a call that touches its own proposal finds it finished), then
	/// dispatches the call with the class's origin. A call that cannot be loaded or weighs more
	/// than `weight_limit` is never dispatched (`NotEnacted`). Returns the weight the call used.
	pub(crate) fn do_enact(
		index: ProposalIndex,
		weight_limit: Weight,
	) -> Result<Weight, DispatchError> {
		let mut proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(
			matches!(proposal.status, ProposalStatus::Approved { .. }),
			Error::<T>::NotApproved
		);
		let call = T::Preimages::peek(&proposal.call).map(|(call, _)| call);
		// Released once, here, whatever happens next (a request dropped by other means is not
		// dropped again).
		if !proposal.call.lookup_needed() || T::Preimages::is_requested(&proposal.call.hash()) {
			T::Preimages::drop(&proposal.call);
		}
		let call = match call {
			Err(_) => Err(Error::<T>::CallUnavailable),
			Ok(call) if !call.get_dispatch_info().call_weight.all_lte(weight_limit) => {
				Err(Error::<T>::CallOverweight)
			},
			Ok(call) => Ok(call),
		};
		let call = match call {
			Ok(call) => call,
			Err(error) => {
				proposal.status = ProposalStatus::NotEnacted;
				ProposalOf::<T>::insert(index, proposal);
				Self::deposit_event(Event::EnactmentFailed { index, error: error.into() });
				return Ok(Weight::zero());
			},
		};
		let declared = call.get_dispatch_info().call_weight;
		let origin: T::RuntimeOrigin = match proposal.origin {
			DispatchOrigin::Root => frame_system::RawOrigin::Root.into(),
			DispatchOrigin::Class => Origin::Approved { class: proposal.class }.into(),
		};
		proposal.status = ProposalStatus::Enacted { ok: true };
		ProposalOf::<T>::insert(index, proposal);
		log::info!(target: LOG_TARGET, "enacting proposal {index}");
		let (result, used) = match call.dispatch(origin) {
			Ok(post) => (Ok(()), post.actual_weight.unwrap_or(declared)),
			Err(e) => (Err(e.error), e.post_info.actual_weight.unwrap_or(declared)),
		};
		match result {
			Ok(()) => Self::deposit_event(Event::Enacted { index }),
			Err(error) => {
				ProposalOf::<T>::mutate(index, |p| {
					if let Some(p) = p {
						p.status = ProposalStatus::Enacted { ok: false };
					}
				});
				Self::deposit_event(Event::EnactmentFailed { index, error });
			},
		}
		Ok(used)
	}

	/// The scheduler task name of proposal `index`'s enactment.
	pub fn task_name(index: ProposalIndex) -> TaskName {
		(b"mtc/governance", index).using_encoded(sp_io::hashing::blake2_256)
	}

	/// Cancels ongoing or approved proposal `index`: stops it and returns its deposit.
	pub(crate) fn do_cancel(index: ProposalIndex) -> DispatchResult {
		let mut proposal = Self::do_stop(index)?;
		Self::do_return_deposit(index, &mut proposal);
		proposal.status = ProposalStatus::Cancelled;
		ProposalOf::<T>::insert(index, proposal);
		Self::deposit_event(Event::Cancelled { index });
		Ok(())
	}

	/// Kills ongoing or approved proposal `index`: stops it and slashes its deposit.
	pub(crate) fn do_kill(index: ProposalIndex) -> DispatchResult {
		let mut proposal = Self::do_stop(index)?;
		let slashed = Self::do_slash_deposit(&mut proposal);
		proposal.status = ProposalStatus::Killed;
		ProposalOf::<T>::insert(index, proposal);
		Self::deposit_event(Event::Killed { index, slashed });
		Ok(())
	}

	/// Stops an ongoing or approved proposal: unbooks or unschedules it and releases its
	/// preimage. The caller sets the final status and stores the proposal.
	fn do_stop(index: ProposalIndex) -> Result<ProposalInfoOf<T>, DispatchError> {
		let proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		match proposal.status {
			ProposalStatus::Ongoing => {
				EndingAt::<T>::mutate(proposal.voting_end, |ending| ending.retain(|i| *i != index))
			},
			ProposalStatus::Approved { .. } => {
				// Can fail only if the task already ran, which would have made it finished.
				if T::Scheduler::cancel_named(Self::task_name(index)).is_err() {
					frame_support::defensive!("an approved proposal had no scheduled task");
				}
			},
			_ => return Err(Error::<T>::AlreadyFinished.into()),
		}
		T::Preimages::drop(&proposal.call);
		Ok(proposal)
	}

	/// Releases a deposit still held, to the proposer.
	fn do_return_deposit(index: ProposalIndex, proposal: &mut ProposalInfoOf<T>) {
		let amount = core::mem::take(&mut proposal.deposit);
		if amount.is_zero() {
			return;
		}
		let reason = HoldReason::SubmissionDeposit.into();
		match T::Currency::release(&reason, &proposal.proposer, amount, Precision::BestEffort) {
			Ok(released) => Self::deposit_event(Event::DepositReturned {
				index,
				who: proposal.proposer.clone(),
				amount: released,
			}),
			Err(_) => {
				frame_support::defensive!("a held deposit could not be released");
			},
		}
	}

	/// Slashes a deposit still held; returns the amount.
	fn do_slash_deposit(proposal: &mut ProposalInfoOf<T>) -> BalanceOf<T> {
		let amount = core::mem::take(&mut proposal.deposit);
		if amount.is_zero() {
			return amount;
		}
		let reason = HoldReason::SubmissionDeposit.into();
		let (credit, _missing) = T::Currency::slash(&reason, &proposal.proposer, amount);
		let slashed = credit.peek();
		T::Slash::on_unbalanced(credit);
		slashed
	}

	/// Removes up to `max` vote records of finished proposal `index` and, when none is left,
	/// its record. Returns how many votes were removed and whether the proposal is gone.
	pub(crate) fn do_clear(index: ProposalIndex, max: u32) -> (u32, bool) {
		// Keys first, then removals: the iteration sees this block's earlier removals.
		let voters: Vec<T::AccountId> =
			VoteOf::<T>::iter_key_prefix(index).take(max as usize).collect();
		for voter in &voters {
			VoteOf::<T>::remove(index, voter);
		}
		let done = VoteOf::<T>::iter_key_prefix(index).next().is_none();
		if done {
			ProposalOf::<T>::remove(index);
		}
		(voters.len() as u32, done)
	}

	/// Checks class `id`'s fields (a voting period no longer than `MaxVotingPeriod` nor than the
	/// voting-power source keeps a proposal's snapshot readable, so no class can ever refuse
	/// every submission) and that it can coexist with every other class (a Root class is the
	/// strictest).
	pub(crate) fn check_class(id: ClassId, info: &ClassInfoOf<T>) -> DispatchResult {
		ensure!(!info.name.is_empty(), Error::<T>::InvalidClass);
		let longest = T::MaxVotingPeriod::get().min(T::VotingPower::longest_voting_period());
		ensure!(
			!info.voting_period.is_zero() && info.voting_period <= longest,
			Error::<T>::InvalidClass
		);
		ensure!(info.thresholds.is_valid(), Error::<T>::InvalidClass);
		for (other_id, other) in ClassOf::<T>::iter() {
			if other_id != id {
				ensure!(info.coexists_with(&other), Error::<T>::RootClassNotStrictest);
			}
		}
		Ok(())
	}
}
